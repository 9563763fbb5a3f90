using Emulator.Core.Audit;
using Emulator.Core.ContainerCredentials;
using Emulator.Core.Credentials;
using Emulator.Core.Ec2;
using Emulator.Core.Iam;
using Emulator.Core.Identifiers;
using Emulator.Core.Identity;
using Emulator.Core.Saml;
using Emulator.Core.Seeding;
using Emulator.Core.Store;
using Emulator.Core.Sts;
using Emulator.Core.Time;

namespace Emulator.Server.Hosting;

/// <summary>
/// The emulator's state and services for one process: the store seeded at start, the adjustable
/// clock, the id source and the IAM domain. Reset returns the store to the seeded state.
/// </summary>
public sealed class EmulatorRuntime
{
    private readonly EmulatorState seeded;

    public EmulatorRuntime(EmulatorOptions options, AdjustableTimeProvider clock, IRandomSource random)
    {
        Options = options;
        Clock = clock;
        Ids = new IdGenerator(random);
        var seedJson = options.SeedPath is null ? null : ReadSeed(options.SeedPath);
        seeded = EmulatorStateFactory.Build(seedJson, clock, Ids, options.Quotas);
        Store = options.State is { } location ? location.Open(seeded) : new InMemoryEmulatorStore(seeded.Clone());
        Iam = new IamService(new IamContext(Store, clock, Ids) { Quotas = options.Quotas });
        Credentials = new CredentialResolver(Store);
        // The session key lives with the state: sessions survive a restart and verify on every replica.
        var masterKey = options.SessionKey ?? Store.Key("session-token-key", () => RandomKey(random));
        var codec = new SessionTokenCodec(masterKey);
        AuthorizationMessages = new AuthorizationMessageCodec(masterKey);
        Sessions = new SessionVerifier(codec);
        Sts = new StsService(Iam.Context, codec);
        Ec2 = new Ec2Service(Iam.Context);
        RoleCredentials = new RotatingRoleCredentials(Sts, clock, Store.Key("credential-rotation-key", () => RandomKey(random)));
        ContainerCredentials = new ContainerCredentialRegistry(Iam.Context);
        ContainerCredentialIssuer = new ContainerCredentialIssuer(ContainerCredentials, RoleCredentials);
        Oidc = new OidcIssuer(options.OidcIssuer ?? OidcIssuer.DefaultIssuer, Store.Key("oidc-issuer-key", OidcIssuer.NewKey), Store);
        WebIdentity = new WebIdentityVerifier(Store, Oidc, clock);
        Saml = new SamlIdentityProvider(SamlIdentityProvider.DefaultEntityId, Store.Key("saml-idp-key", SamlIdentityProvider.NewKey), Ids);
        SamlAssertions = new SamlAssertionVerifier(Store, clock);
        OutboundTokens = new OutboundTokenIssuer(Iam.Context, Iam.OutboundFederation);
        DefaultAccountId = seeded.Accounts.Keys.First();
        State = new StateTransfer(Store, clock);
        // With --state the trail lives in the database too: every replica's calls, kept across restarts.
        Trail = Store is DurableEmulatorStore durable ? new DurableAuditTrail(durable.Database, options.TrailSize) : new InMemoryAuditTrail(options.TrailSize);
    }

    public EmulatorOptions Options { get; }

    public AdjustableTimeProvider Clock { get; }

    public IdGenerator Ids { get; }

    public IEmulatorStore Store { get; }

    /// <summary>The audit trail of every AWS API call.</summary>
    public IAuditTrail Trail { get; }

    /// <summary>Export and import of the whole state.</summary>
    public StateTransfer State { get; }

    public IamService Iam { get; }

    public CredentialResolver Credentials { get; }

    public SessionVerifier Sessions { get; }

    public StsService Sts { get; }

    public OidcIssuer Oidc { get; }

    /// <summary>GetWebIdentityToken's per-account issuers (outbound identity federation).</summary>
    public OutboundTokenIssuer OutboundTokens { get; }

    /// <summary>The EC2 subset: instances and instance-profile associations.</summary>
    public Ec2Service Ec2 { get; }

    /// <summary>Rotating role credentials for instances (IMDS) and containers.</summary>
    public RotatingRoleCredentials RoleCredentials { get; }

    /// <summary>Token-to-role bindings of the container credential endpoint (kept in the store).</summary>
    public ContainerCredentialRegistry ContainerCredentials { get; }

    /// <summary>The rotating credentials a container's token receives.</summary>
    public ContainerCredentialIssuer ContainerCredentialIssuer { get; }

    /// <summary>Encodes authorization failures (EC2 UnauthorizedOperation) for sts:DecodeAuthorizationMessage.</summary>
    public AuthorizationMessageCodec AuthorizationMessages { get; }

    public WebIdentityVerifier WebIdentity { get; }

    /// <summary>The built-in SAML identity provider (metadata and signed assertions for tests).</summary>
    public SamlIdentityProvider Saml { get; }

    /// <summary>AssumeRoleWithSAML's assertion checks.</summary>
    public SamlAssertionVerifier SamlAssertions { get; }

    /// <summary>The first account of the seed (123456789012 without one).</summary>
    public string DefaultAccountId { get; }

    public void Reset() => Store.Replace(seeded.Clone());

    /// <summary>A new random session key (kept by the store: per process in memory, for good in a database).</summary>
    private static byte[] RandomKey(IRandomSource random)
    {
        var key = new byte[32];
        random.Fill(key);
        return key;
    }

    private static string ReadSeed(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new SeedException($"seed file {path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SeedException($"seed file {path}: {e.Message}");
        }
    }
}
