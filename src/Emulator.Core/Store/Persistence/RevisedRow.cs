using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store.Persistence;

/// <summary>A stored row and the revision that wrote it.</summary>
public sealed record RevisedRow(StateRow Row, long Revision);
