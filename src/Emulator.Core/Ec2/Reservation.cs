namespace Emulator.Core.Ec2;

/// <summary>The instances one RunInstances call launched, as RunInstances and DescribeInstances return them.</summary>
public sealed record Reservation(string ReservationId, string OwnerId, IReadOnlyList<InstanceView> Instances);

/// <summary>An instance as a reader at one moment sees it: its state then and its current association.</summary>
public sealed record InstanceView(Instance Instance, InstanceStateName State, IamInstanceProfileAssociation? Association);

/// <summary>One instance's state change (Start/Stop/TerminateInstances).</summary>
public sealed record InstanceStateChange(string InstanceId, InstanceStateName CurrentState, InstanceStateName PreviousState);

/// <summary>An association as Describe shows it, with its state at that moment.</summary>
public sealed record AssociationView(IamInstanceProfileAssociation Association, string State);
