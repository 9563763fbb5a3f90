using Emulator.Core.Sts;

namespace Emulator.Server.Protocol;

/// <summary>
/// A refusal by the authorization step: AWS's sentence, and (for a policy decision) what an encoded
/// authorization failure message carries, which EC2 appends to its UnauthorizedOperation.
/// </summary>
public sealed record Denial(string Message, AuthorizationFailure? Failure);
