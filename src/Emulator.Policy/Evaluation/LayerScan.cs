namespace Emulator.Policy;

/// <summary>What scanning one policy type found: its first matching deny and allow, and the best resource grant.</summary>
internal struct LayerScan
{
    public bool Scanned;
    public DecidingStatement? Allow;
    public DecidingStatement? Deny;
    public ResourcePolicyGrant Grant;
}
