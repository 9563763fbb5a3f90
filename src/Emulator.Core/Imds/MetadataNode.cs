namespace Emulator.Core.Imds;

/// <summary>
/// One entry of the metadata tree: a directory (its listing names children, directories with a trailing
/// <c>/</c>) or a leaf whose body is produced when it is read, so credentials are issued only for the
/// request that asks for them.
/// </summary>
public sealed class MetadataNode
{
    private MetadataNode(IReadOnlyList<(string Name, MetadataNode Node)>? children, Func<byte[]>? content, bool binary, bool slashDirectories)
    {
        Children = children;
        Content = content;
        IsBinary = binary;
        SlashDirectories = slashDirectories;
    }

    /// <summary>Children in listing order; null for a leaf.</summary>
    public IReadOnlyList<(string Name, MetadataNode Node)>? Children { get; }

    public Func<byte[]>? Content { get; }

    /// <summary>user-data: raw bytes served as application/octet-stream; everything else is text/plain.</summary>
    public bool IsBinary { get; }

    /// <summary>False for <c>/</c> and <c>/latest/</c>, whose listings AWS prints without slashes (<c>meta-data</c>, not <c>meta-data/</c>).</summary>
    public bool SlashDirectories { get; }

    public bool IsDirectory => Children is not null;

    public static MetadataNode Directory(IEnumerable<(string Name, MetadataNode Node)> children, bool slashDirectories = true) =>
        new([.. children], null, false, slashDirectories);

    public static MetadataNode Text(string value) => Lazy(() => value);

    public static MetadataNode Lazy(Func<string> value) => new(null, () => System.Text.Encoding.UTF8.GetBytes(value()), false, true);

    /// <summary>A text leaf whose UTF-8 body is produced (and may be cached) by <paramref name="value"/>.</summary>
    public static MetadataNode LazyBytes(Func<byte[]> value) => new(null, value, false, true);

    public static MetadataNode Bytes(byte[] value) => new(null, () => value, true, true);

    public MetadataNode? Child(string name)
    {
        foreach (var (childName, node) in Children ?? [])
        {
            if (childName == name)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>The node at <paramref name="segments"/> below this one, or null.</summary>
    public MetadataNode? Find(IEnumerable<string> segments)
    {
        var node = this;
        foreach (var segment in segments)
        {
            node = node.Child(segment);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>AWS's listing: one name per line (LF), directories ending in '/', and no trailing newline (botocore uses the whole body as the role name).</summary>
    public string Listing() =>
        string.Join('\n', (Children ?? []).Select(c => c.Node.IsDirectory && SlashDirectories ? c.Name + "/" : c.Name));
}
