namespace Emulator.Server.Authorization;

/// <summary>The one place requests are authorized; the pipeline calls it between authentication and the handler.</summary>
public interface IRequestAuthorizer
{
    AuthorizationDecision Authorize(AuthorizationRequest request);
}
