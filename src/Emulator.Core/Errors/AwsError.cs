namespace Emulator.Core.Errors;

/// <summary>An AWS error as the wire shows it: code, message, HTTP status and who is at fault.</summary>
public sealed record AwsError(string Code, string Message, int HttpStatus)
{
    /// <summary>AWS reports 4xx errors as the sender's fault and 5xx as the receiver's.</summary>
    public bool IsSenderFault => HttpStatus < 500;

    public AwsException ToException() => new(this);
}
