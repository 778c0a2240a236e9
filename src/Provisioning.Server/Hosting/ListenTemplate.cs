using System.Globalization;
using System.Net;

namespace Provisioning.Server.Hosting;

/// <summary>The parsed Provisioning:UrlTemplate: scheme, where to bind, and the path every version serves.</summary>
public sealed record ListenTemplate(string Scheme, IPAddress Address, string Path)
{
    public static ListenTemplate Parse(string template)
    {
        var probe = template.Replace("{port}", "1", StringComparison.Ordinal);
        if (!template.Contains("{port}", StringComparison.Ordinal) || !Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Provisioning:UrlTemplate '{template}' must be an http(s) URL with {{port}} as its port, e.g. http://0.0.0.0:{{port}}/provisioning.");
        }
        var address = uri.Host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            var host when IPAddress.TryParse(host.Trim('[', ']'), out var ip) => ip,
            _ => IPAddress.Any,
        };
        var path = uri.AbsolutePath.TrimEnd('/');
        return new ListenTemplate(uri.Scheme, address, path.Length == 0 ? "/" : path);
    }

    public string UrlFor(int port) => string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{FormatHost()}:{port}{Path}");

    private string FormatHost() => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString();
}
