using Provisioning.Core.Security;

namespace Provisioning.Soap;

/// <summary>
/// What an operation may need to know of its request beyond the parameters: the client's address, which counts failed
/// logins (spec §4). Resolved only when asked for (only requestToken asks), so no other request pays for it.
/// </summary>
public readonly struct SoapRequest(object? state, Func<object?, string>? clientAddress)
{
    /// <summary>A request with no address, as from the command line: logins count under <see cref="LoginAttemptKey.Local"/>.</summary>
    public static SoapRequest Local => default;

    public string ClientAddress => clientAddress?.Invoke(state) ?? LoginAttemptKey.Local;
}
