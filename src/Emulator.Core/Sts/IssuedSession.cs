namespace Emulator.Core.Sts;

/// <summary>A new session and its credentials; <see cref="PackedPolicySize"/> is set when session policies or tags were passed.</summary>
public sealed record IssuedSession(Session Session, SessionCredentials Credentials, int? PackedPolicySize);
