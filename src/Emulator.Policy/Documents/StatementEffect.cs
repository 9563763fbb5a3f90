namespace Emulator.Policy;

public enum StatementEffect
{
    Allow,
    Deny,
}
