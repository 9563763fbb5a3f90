namespace Emulator.Core.Errors;

/// <summary>Carries an <see cref="AwsError"/> out of a domain operation to the protocol encoder.</summary>
public sealed class AwsException(AwsError error) : Exception(error.Message)
{
    public AwsError Error { get; } = error;
}
