namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>Entity names no other test uses, so tests sharing a server never collide.</summary>
public static class UniqueName
{
    public static string For(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
