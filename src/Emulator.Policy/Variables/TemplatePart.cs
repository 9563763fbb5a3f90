namespace Emulator.Policy;

/// <summary>One piece of a policy value that contains policy variables.</summary>
/// <param name="Text">The text, the escaped character, or (for a variable) the context key.</param>
/// <param name="DefaultValue">The quoted default of <c>${key, 'default'}</c>, if any.</param>
internal readonly record struct TemplatePart(TemplatePartKind Kind, string Text, string? DefaultValue = null)
{
    /// <summary>For a variable, its key ready for lookup.</summary>
    public ContextKey Key { get; } = new(Text);
}
