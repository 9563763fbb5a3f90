using System.Runtime.CompilerServices;

namespace Emulator.Policy;

/// <summary>
/// The values of a template's first few variables, looked up once and kept on the stack while the template is
/// compared; a template with more variables (none in practice) looks the rest up again.
/// </summary>
[InlineArray(Capacity)]
internal struct ResolvedVariables
{
    public const int Capacity = 8;

    private string? _value;
}
