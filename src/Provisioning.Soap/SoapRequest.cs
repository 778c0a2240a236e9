using Provisioning.Core.Security;

namespace Provisioning.Soap;

/// <summary>
/// What an operation may need to know of its request beyond the parameters: the client's address, which counts failed
/// logins (spec §4), and the operation's name, which the audit log records. Resolved only when asked for (only requestToken asks), so no other request pays for it.
/// </summary>
public readonly struct SoapRequest(object? state, Func<object?, string>? clientAddress)
{
    /// <summary>A request with no address, as from the command line: logins count under <see cref="LoginAttemptKey.Local"/>.</summary>
    public static SoapRequest Local => default;

    public string ClientAddress => clientAddress?.Invoke(state) ?? LoginAttemptKey.Local;

    /// <summary>The operation as the audit log names what it changes: "v3:createUser".</summary>
    public string? Operation { get; init; }
}
