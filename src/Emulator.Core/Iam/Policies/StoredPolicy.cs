using Emulator.Policy;

namespace Emulator.Core.Iam.Policies;

/// <summary>A policy document kept twice: the text exactly as submitted (IAM returns it verbatim) and its compiled form.</summary>
public sealed record StoredPolicy(string Text, PolicyDocument Document);
