namespace Emulator.Core.ContainerCredentials;

/// <summary>A registration the emulator refuses, with a message that says what to change.</summary>
public sealed class InvalidContainerCredentialException(string message) : Exception(message);
