using Emulator.Core.Iam;

namespace Emulator.Core.Ec2;

/// <summary>The EC2 subset's domain: instances (with tags and metadata options) and instance-profile associations.</summary>
public sealed class Ec2Service
{
    public Ec2Service(IamContext context)
    {
        Instances = new InstanceOperations(context);
        Associations = new AssociationOperations(context, Instances);
    }

    public InstanceOperations Instances { get; }

    public AssociationOperations Associations { get; }
}
