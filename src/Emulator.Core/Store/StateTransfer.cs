using Emulator.Core.Store.Persistence;

namespace Emulator.Core.Store;

/// <summary>Export and import of the whole state (admin <c>GET</c>/<c>PUT /_emulator/state</c>).</summary>
public sealed class StateTransfer(IEmulatorStore store, TimeProvider clock)
{
    public string Export(bool includeSecrets) => store.Read(state => StateDocument.Export(state, includeSecrets, clock.GetUtcNow()));

    /// <summary>Replaces the whole state with the document's, in one atomic commit; returns the accounts it holds.</summary>
    /// <exception cref="InvalidDataException">The document cannot be imported; nothing changed.</exception>
    public IReadOnlyList<string> Import(string json)
    {
        var awsManaged = store.Read(state => state.AwsManagedPolicies);
        var imported = StateDocument.Import(json, awsManaged);
        if (imported.Accounts.Count == 0)
        {
            throw new InvalidDataException("the document holds no account.");
        }

        store.Replace(imported);
        return Accounts();
    }

    /// <summary>The accounts the state holds, in order.</summary>
    public IReadOnlyList<string> Accounts() => store.Read(state => state.Accounts.Keys.Order(StringComparer.Ordinal).ToList());
}
