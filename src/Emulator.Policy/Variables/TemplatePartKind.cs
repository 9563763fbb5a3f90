namespace Emulator.Policy;

internal enum TemplatePartKind : byte
{
    /// <summary>Policy text; its <c>*</c> and <c>?</c> stay wildcards where the operator has any.</summary>
    Text,

    /// <summary><c>${*}</c>, <c>${?}</c> or <c>${$}</c>: one literal character.</summary>
    EscapedCharacter,

    /// <summary><c>${key}</c> or <c>${key, 'default'}</c>.</summary>
    Variable,
}
