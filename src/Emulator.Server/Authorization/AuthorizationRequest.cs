using Emulator.Core.Identity;

namespace Emulator.Server.Authorization;

/// <summary>What the pipeline asks before a handler runs: may this principal do this action on this resource?</summary>
public sealed record AuthorizationRequest(Principal Principal, string Action, string Resource, string Region);
