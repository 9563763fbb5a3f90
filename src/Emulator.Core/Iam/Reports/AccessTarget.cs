using Emulator.Policy;

namespace Emulator.Core.Iam.Reports;

/// <summary>
/// The entity a last accessed report is about, resolved from its ARN: the policies that grant it services, and the users
/// and roles whose attempts count for it, each with the filter that says which of their actions count.
/// </summary>
internal sealed record AccessTarget(IReadOnlyList<PolicyDocument> Documents, IReadOnlyList<AccessTarget.Contributor> Contributors)
{
    /// <summary>A user or role whose requests count for the target when <paramref name="Counts"/> says the action does.</summary>
    internal sealed record Contributor(string Arn, string Name, string Type, string Id, string Path, Func<string, bool> Counts);
}
