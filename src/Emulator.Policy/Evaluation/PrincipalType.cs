namespace Emulator.Policy;

/// <summary>Who is calling, as <c>aws:PrincipalType</c> names it, plus the two non-IAM callers of STS.</summary>
public enum PrincipalType
{
    /// <summary>The account root user (<c>arn:aws:iam::111122223333:root</c>).</summary>
    Account,

    User,

    /// <summary>A GetFederationToken session (<c>arn:aws:sts::…:federated-user/name</c>).</summary>
    FederatedUser,

    /// <summary>A role session; <see cref="RequestContext.PrincipalArn"/> is the role ARN, the session ARN is separate.</summary>
    AssumedRole,

    Anonymous,

    /// <summary>An AWS service such as <c>ec2.amazonaws.com</c> (IMDS credential issuance); PrincipalArn holds the service name.</summary>
    Service,

    /// <summary>An AssumeRoleWithWebIdentity/SAML caller; PrincipalArn holds the identity provider (ARN or <c>cognito-identity.amazonaws.com</c>).</summary>
    WebIdentity,
}
