using Emulator.Core.Iam;
using Emulator.Core.Identifiers;
using Emulator.Core.Seeding;
using Emulator.Core.Store;
using Emulator.Core.Time;

namespace Emulator.Core.Tests;

/// <summary>A seeded IAM domain over an in-memory store and a clock the test controls.</summary>
public sealed class IamFixture
{
    public const string Account = "123456789012";

    public const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public const string S3Read = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    public IamFixture(string? seed = null, IamQuotas? quotas = null)
    {
        Clock = new AdjustableTimeProvider();
        var ids = new IdGenerator(new CryptoRandomSource());
        Store = new InMemoryEmulatorStore(EmulatorStateFactory.Build(seed, Clock, ids, quotas));
        Iam = new IamService(new IamContext(Store, Clock, ids) { Quotas = quotas ?? IamQuotas.Default });
    }

    public AdjustableTimeProvider Clock { get; }

    public IEmulatorStore Store { get; }

    public IamService Iam { get; }
}
