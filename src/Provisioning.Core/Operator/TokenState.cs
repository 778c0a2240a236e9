namespace Provisioning.Core.Operator;

/// <summary>Whether a stored token still authenticates, and if not, why.</summary>
public enum TokenState
{
    Live = 1,
    Idle,
    Expired,
    Released,
}
