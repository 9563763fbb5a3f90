namespace Emulator.Policy;

public enum DecisionEffect
{
    Allowed,
    ExplicitDeny,
    ImplicitDeny,
}
