namespace Emulator.Server.Authorization;

/// <summary>Strict refuses denied calls; Soft logs every denial and lets the call through (adopting policies step by step).</summary>
public enum EnforcementMode
{
    Strict,
    Soft,
}
