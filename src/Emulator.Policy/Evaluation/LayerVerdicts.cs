namespace Emulator.Policy;

/// <summary>The four per-type verdicts of one decision.</summary>
internal readonly record struct LayerVerdicts(
    LayerVerdict Identity,
    LayerVerdict PermissionsBoundary,
    LayerVerdict Session,
    LayerVerdict Resource);
