namespace Emulator.Core.Authorization.Simulation;

/// <summary>A line and column in a policy document (both 1-based), as simulation results locate statements.</summary>
public readonly record struct Position(int Line, int Column)
{
    /// <summary>Where a statement is placed when its text cannot be located.</summary>
    public static Position Start { get; } = new(1, 1);
}
