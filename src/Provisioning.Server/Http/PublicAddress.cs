using System.Globalization;
using Provisioning.Hosting;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.Http;

/// <summary>
/// The endpoint address the WSDL's soap:address and the service page name: Provisioning:PublicUrl(s) when set,
/// otherwise what known proxies say in X-Forwarded-*, otherwise the request's own scheme and Host. Clients that take
/// the endpoint from the WSDL (PHP's SoapClient, wsimport's generated service) call exactly this address.
/// </summary>
internal sealed class PublicAddress
{
    public const string Setting = "Provisioning:PublicUrl";
    public const string PerVersionSetting = "Provisioning:PublicUrls";

    private readonly Dictionary<int, string> _configured;
    private readonly TrustedProxies _proxies;
    private readonly string _path;

    private PublicAddress(Dictionary<int, string> configured, TrustedProxies proxies, string path)
    {
        _configured = configured;
        _proxies = proxies;
        _path = path;
    }

    /// <summary>Reads and checks the settings; a value that is no absolute http(s) URL is a start-up error naming it.</summary>
    public static PublicAddress From(ProvisioningSettings settings, IReadOnlyList<int> versions, ListenTemplate template, TrustedProxies proxies)
    {
        var configured = new Dictionary<int, string>();
        foreach (var (key, value) in settings.PublicUrls)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || !ProvisioningSettings.SupportedVersions.Contains(version))
            {
                throw new InvalidOperationException(
                    $"{PerVersionSetting} has the entry '{key}': name an API version ({string.Join(", ", ProvisioningSettings.SupportedVersions)}), e.g. {PerVersionSetting}:2.");
            }
            if (!string.IsNullOrWhiteSpace(value) && versions.Contains(version))
            {
                configured[version] = Expand(value, $"{PerVersionSetting}:{key}", settings.PortRangeStart, version);
            }
        }
        if (!string.IsNullOrWhiteSpace(settings.PublicUrl))
        {
            foreach (var version in versions)
            {
                if (!configured.ContainsKey(version))
                {
                    configured[version] = Expand(settings.PublicUrl, Setting, settings.PortRangeStart, version);
                }
            }
        }
        return new PublicAddress(configured, proxies, template.Path);
    }

    /// <summary>The address of <paramref name="version"/>'s endpoint as the client of <paramref name="context"/> reaches it.</summary>
    public string For(HttpContext context, int version)
    {
        if (_configured.TryGetValue(version, out var configured))
        {
            return configured;
        }
        var request = context.Request;
        if (_proxies.IsTrusted(context.Connection.RemoteIpAddress) && ForwardedOrigin.From(request) is { } forwarded)
        {
            return forwarded + _path;
        }
        return $"{request.Scheme}://{request.Host}{_path}";
    }

    private static string Expand(string value, string setting, int portRangeStart, int version)
    {
        var url = value.Trim()
            .Replace("{port}", (portRangeStart + version).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{version}", version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || url.IndexOfAny(['{', '}', '<', '>', '"', ' ']) >= 0)
        {
            throw new InvalidOperationException(
                $"{setting} '{value}' must be an absolute http(s) URL without query, with {{port}} and {{version}} as the only placeholders, e.g. https://provisioning.example.net:{{port}}/provisioning.");
        }
        return url;
    }
}
