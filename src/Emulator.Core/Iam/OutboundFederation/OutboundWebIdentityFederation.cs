namespace Emulator.Core.Iam.OutboundFederation;

/// <summary>
/// An account's outbound identity federation: whether GetWebIdentityToken may vend tokens, and the
/// account's issuer (its unique id and the URL that serves the discovery document and JWKS). The
/// issuer is kept when the feature is disabled, so re-enabling keeps trust set up elsewhere working.
/// </summary>
public sealed record OutboundWebIdentityFederation(bool Enabled, string IssuerId, string IssuerIdentifier);
