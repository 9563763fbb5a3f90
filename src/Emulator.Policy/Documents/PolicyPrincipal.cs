namespace Emulator.Policy;

/// <summary>
/// One principal named under <c>Principal</c> or <c>NotPrincipal</c>: its type (<c>AWS</c>, <c>Service</c>,
/// <c>Federated</c>, <c>CanonicalUser</c>, or <c>*</c> for the bare <c>"Principal": "*"</c>) and its value as written.
/// </summary>
public sealed record PolicyPrincipal(string Type, string Value)
{
    public const string AwsType = "AWS";
    public const string ServiceType = "Service";
    public const string FederatedType = "Federated";
    public const string CanonicalUserType = "CanonicalUser";
    public const string EveryoneType = "*";

    /// <summary>
    /// IAM's message for a trust-policy principal that does not exist (or is malformed), e.g.
    /// <c>Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:role/missing"</c>.
    /// </summary>
    public string InvalidPrincipalMessage() => PolicyGrammarMessages.InvalidPrincipal(Type, Value);
}
