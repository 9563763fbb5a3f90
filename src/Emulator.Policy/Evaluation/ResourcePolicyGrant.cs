namespace Emulator.Policy;

/// <summary>
/// How directly a resource (trust) policy's matching <c>Allow</c> names the caller, which decides what else
/// must allow in the same account (policy-evaluation §2 step 4). Ordered from weakest to strongest.
/// </summary>
public enum ResourcePolicyGrant
{
    /// <summary>No resource policy allows the request for this caller.</summary>
    None,

    /// <summary>The account (<c>111122223333</c> or <c>…:root</c>): identity, boundary and session policies must still allow.</summary>
    Account,

    /// <summary>The role ARN of the caller's session: boundary and session policies must still allow.</summary>
    Role,

    /// <summary>The caller itself (user, session, federated user, service, identity provider, or <c>*</c>): enough on its own.</summary>
    Direct,
}
