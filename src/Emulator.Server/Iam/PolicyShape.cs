namespace Emulator.Server.Iam;

/// <summary>
/// Which Policy members a call returns: CreatePolicy omits Description and has Tags only when some were
/// given; GetPolicy has Description when set and always Tags (empty or not); ListPolicies has neither
/// ("this operation does not return tags", and Description "is not included in the response to ListPolicies").
/// </summary>
public enum PolicyShape
{
    Created,
    Full,
    Listed,
}
