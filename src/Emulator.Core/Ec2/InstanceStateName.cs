namespace Emulator.Core.Ec2;

/// <summary>An EC2 instance state as the API reports it: a code and a name (0 pending … 80 stopped).</summary>
public sealed record InstanceStateName(int Code, string Name)
{
    public static readonly InstanceStateName Pending = new(0, "pending");
    public static readonly InstanceStateName Running = new(16, "running");
    public static readonly InstanceStateName ShuttingDown = new(32, "shutting-down");
    public static readonly InstanceStateName Terminated = new(48, "terminated");
    public static readonly InstanceStateName Stopping = new(64, "stopping");
    public static readonly InstanceStateName Stopped = new(80, "stopped");

    public static IReadOnlyList<InstanceStateName> All { get; } = [Pending, Running, ShuttingDown, Terminated, Stopping, Stopped];
}
