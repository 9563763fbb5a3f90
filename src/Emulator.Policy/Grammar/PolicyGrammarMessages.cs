namespace Emulator.Policy;

/// <summary>
/// The MalformedPolicyDocument messages IAM returns, word for word (policy-evaluation §8). Three are best
/// guesses where AWS has not been observed: <see cref="MissingPrincipal"/>, and <see cref="ProhibitedField"/>
/// for <c>NotResource</c>/<c>NotPrincipal</c> (the <c>Resource</c> form is IAM's own).
/// </summary>
public static class PolicyGrammarMessages
{
    public const string SyntaxErrors = "Syntax errors in policy.";

    /// <summary>Text that does not parse as JSON at all (a trailing comma, a file name passed instead of the file); JSON of the wrong shape is <see cref="SyntaxErrors"/>.</summary>
    public const string InvalidJson = "This policy contains invalid Json";
    public const string VersionRequired = "Policy document must be version 2012-10-17 or greater.";
    public const string LegacyParsingFailed = "The policy failed legacy parsing";
    public const string DuplicateSid = "Statement IDs (SID) in a single policy must be unique.";
    public const string MissingActions = "Policy statement must contain actions.";
    public const string MissingResources = "Policy statement must contain resources.";
    public const string MissingVendor = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    public const string TooManyColons = "Actions/Condition can contain only one colon.";
    public const string ResourceVendorNotQualified = "Resource vendor must be fully qualified and cannot contain regexes.";
    public const string PrincipalNotAllowed = "Policy document should not specify a principal.";
    public const string TrustPolicyActions = "AssumeRole policy may only specify STS AssumeRole actions.";
    public const string MissingPrincipal = "Missing required field Principal";

    public const string IamResourcePath =
        "IAM resource path must either be \"*\", root, or start with user/, federated-user/, role/, group/, "
        + "instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.";

    public static string InvalidVendor(string vendor) => $"Vendor {vendor} is not valid";

    public static string ResourceNotArn(string resource) => $"Resource {resource} must be in ARN format or \"*\".";

    /// <param name="normalizedResource">The resource rebuilt as <c>arn:p:a:b:c:d</c> with missing parts as <c>*</c>.</param>
    public static string InvalidPartition(string partition, string normalizedResource) =>
        $"Partition \"{partition}\" is not valid for resource \"{normalizedResource}\".";

    public static string IamResourceWithRegion(string resource) => $"IAM resource {resource} cannot contain region information.";

    public static string S3ResourceWithRegion(string resource) => $"Resource {resource} can not contain region information.";

    /// <summary>Trust policies: <c>Resource</c>, <c>NotResource</c> and <c>NotPrincipal</c> are refused by name.</summary>
    public static string ProhibitedField(string field) => $"Has prohibited field {field}";

    /// <summary>A trust-policy principal that does not exist or cannot be one, e.g. <c>Invalid principal in policy: "AWS":"bob"</c>.</summary>
    public static string InvalidPrincipal(string type, string value) => $"Invalid principal in policy: \"{type}\":\"{value}\"";
}
