namespace Emulator.Policy;

/// <summary>Which IAM grammar a document is checked against.</summary>
public enum PolicyKind
{
    /// <summary>Inline user, role or group policy (Put*Policy): Version may be absent or 2008-10-17.</summary>
    Identity,

    /// <summary>Managed policy (CreatePolicy/CreatePolicyVersion): Version must be 2012-10-17.</summary>
    Managed,

    /// <summary>Role trust policy (AssumeRolePolicyDocument): Principal required, no Resource, STS actions only.</summary>
    Trust,

    /// <summary>STS session policy (the Policy parameter of AssumeRole*/GetFederationToken).</summary>
    Session,

    /// <summary>
    /// A resource-based policy other than a trust policy (an S3 bucket policy's grammar): Principal or
    /// NotPrincipal required, Resource required. No in-scope AWS API stores one; it lets NotPrincipal be used.
    /// </summary>
    Resource,
}
