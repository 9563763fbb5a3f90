namespace Emulator.Server.Authentication;

/// <summary>Strict verifies every key; Lenient lets unknown keys act as an account root (migrating suites that sign with dummy keys).</summary>
public enum AuthenticationMode
{
    Strict,
    Lenient,
}
