namespace Emulator.Policy;

/// <summary>What scanning one policy type found: its first matching deny and allow, and the best resource grant.</summary>
/// <remarks>Holds the policy and statement themselves; the <see cref="DecidingStatement"/> is built only when asked for.</remarks>
internal struct LayerScan
{
    public bool Scanned;
    public PolicySource? AllowPolicy;
    public PolicyStatement? Allow;
    public PolicySource? DenyPolicy;
    public PolicyStatement? Deny;
    public ResourcePolicyGrant Grant;
}
