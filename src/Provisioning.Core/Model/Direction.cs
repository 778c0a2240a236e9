namespace Provisioning.Core.Model;

/// <summary>The direction of a recorded interaction; the numbers are the v3 direction ids.</summary>
public enum Direction
{
    Incoming = 1,
    Outgoing = 2,
    Internal = 3,
}
