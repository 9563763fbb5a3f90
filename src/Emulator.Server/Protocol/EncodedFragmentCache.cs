using System.Runtime.CompilerServices;

namespace Emulator.Server.Protocol;

/// <summary>
/// The encoded XML of immutable entities, kept for as long as the entity lives: a list call writes each
/// unchanged role once, not on every page. A write replaces the entity record, so its old fragment
/// is never served again and is collected with it; the cache needs no size limit and no invalidation.
/// </summary>
public sealed class EncodedFragmentCache<T>(Action<QueryXmlWriter, T> write)
    where T : class
{
    private readonly ConditionalWeakTable<T, byte[]> fragments = new();

    /// <summary>The entity's members as UTF-8 XML, ready to be copied into a response.</summary>
    public byte[] Get(T item)
    {
        if (fragments.TryGetValue(item, out var fragment))
        {
            return fragment;
        }

        fragment = QueryXmlWriter.Fragment(w => write(w, item));
        fragments.AddOrUpdate(item, fragment);
        return fragment;
    }
}
