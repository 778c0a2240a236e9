namespace Provisioning.Hosting;

/// <summary>
/// Provisioning:ForwardedHeaders: the peers allowed to speak for the client (X-Forwarded-For, used by the login
/// throttle) and for the public address (X-Forwarded-Proto, -Host, -Port, -Prefix, used in the WSDL). Headers from any
/// other peer are ignored, so a client cannot pick its own address or rewrite the address the WSDL names.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses or CIDR networks, comma-separated (e.g. <c>127.0.0.1,::1,10.0.0.0/8</c>); empty trusts none.</summary>
    public string KnownProxies { get; set; } = "127.0.0.1,::1";
}
