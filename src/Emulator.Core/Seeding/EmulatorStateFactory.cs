using Emulator.Core.Iam;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Identifiers;
using Emulator.Core.Store;
using Emulator.Core.Store.Persistence;

namespace Emulator.Core.Seeding;

/// <summary>
/// Builds a seeded state: from a seed file's text, or the built-in default account when there is none. The seed
/// is held to the quotas in force, so a load-test seed beyond AWS's defaults needs them raised (<c>--quota</c>).
/// </summary>
public static class EmulatorStateFactory
{
    public static EmulatorState Build(string? seedJson, TimeProvider clock, IdGenerator ids, IamQuotas? quotas = null)
    {
        if (seedJson is not null && StateDocument.IsStateDocument(seedJson))
        {
            // An exported state (GET /_emulator/state?secrets=true) seeds exactly what it holds.
            try
            {
                return StateDocument.Import(seedJson, AwsManagedPolicies.Create());
            }
            catch (InvalidDataException e)
            {
                throw new SeedException(e.Message);
            }
        }

        var state = new EmulatorState(AwsManagedPolicies.Create());
        var loader = new SeedLoader(new IamService(new IamContext(new InMemoryEmulatorStore(state), clock, ids) { Quotas = quotas ?? IamQuotas.Default }));
        if (seedJson is null)
        {
            loader.LoadDefault();
        }
        else
        {
            loader.Load(seedJson);
        }

        return state;
    }
}
