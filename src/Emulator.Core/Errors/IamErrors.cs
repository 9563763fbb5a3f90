namespace Emulator.Core.Errors;

/// <summary>IAM's error codes with the HTTP statuses of its service model.</summary>
public static class IamErrors
{
    public static AwsException NoSuchEntity(string message) => new AwsError("NoSuchEntity", message, 404).ToException();
    public static AwsException EntityAlreadyExists(string message) => new AwsError("EntityAlreadyExists", message, 409).ToException();
    public static AwsException DeleteConflict(string message) => new AwsError("DeleteConflict", message, 409).ToException();
    public static AwsException LimitExceeded(string message) => new AwsError("LimitExceeded", message, 409).ToException();
    public static AwsException MalformedPolicyDocument(string message) => new AwsError("MalformedPolicyDocument", message, 400).ToException();
    public static AwsException InvalidInput(string message) => new AwsError("InvalidInput", message, 400).ToException();
    public static AwsException ValidationError(string message) => new AwsError("ValidationError", message, 400).ToException();
    public static AwsException UnmodifiableEntity(string message) => new AwsError("UnmodifiableEntity", message, 400).ToException();
    public static AwsException InvalidParameter(string message) => new AwsError("InvalidParameterValue", message, 400).ToException();

    public static AwsException PasswordPolicyViolation(string message) => new AwsError("PasswordPolicyViolation", message, 400).ToException();
    public static AwsException InvalidAuthenticationCode(string message) => new AwsError("InvalidAuthenticationCode", message, 403).ToException();
    public static AwsException InvalidUserType(string message) => new AwsError("InvalidUserType", message, 400).ToException();

    public static AwsException AccessDenied(string message) => new AwsError("AccessDenied", message, 403).ToException();
}
