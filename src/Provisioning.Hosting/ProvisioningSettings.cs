using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Provisioning.Hosting;

public sealed class ProvisioningSettings
{
    public const string Section = "Provisioning";

    /// <summary>Where each version listens; {port} becomes PortRangeStart + version.</summary>
    public string UrlTemplate { get; set; } = "http://0.0.0.0:{port}/provisioning";

    /// <summary>The API versions served, comma-separated.</summary>
    public string Versions { get; set; } = "2,3";

    /// <summary>Version N listens on PortRangeStart + N. 0 lets the system choose a free port per version (tests, scripts).</summary>
    public int PortRangeStart { get; set; } = 7000;

    /// <summary>
    /// The endpoint address the WSDL and the service page name when clients reach the server elsewhere than it listens
    /// ({port} is PortRangeStart + version, {version} the version); empty takes it from the request.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Public addresses of single versions (Provisioning:PublicUrls:2), each overriding PublicUrl.</summary>
    public Dictionary<string, string> PublicUrls { get; set; } = [];

    /// <summary>Largest list answer before ERROR_TOO_MANY_RESULT.</summary>
    public int MaxListResults { get; set; } = 10_000;

    public StorageSettings Storage { get; set; } = new();

    public BootstrapSettings Bootstrap { get; set; } = new();

    public TokenSettings Tokens { get; set; } = new();

    public SecuritySettings Security { get; set; } = new();

    public LimitSettings Limits { get; set; } = new();

    public ManagementSettings Management { get; set; } = new();

    public HttpsSettings Https { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public RecorderSettings Recorders { get; set; } = new();

    public AuditSettings Audit { get; set; } = new();

    /// <summary>The Provisioning section of <paramref name="configuration"/>, defaults where it says nothing.</summary>
    public static ProvisioningSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ProvisioningSettings>() ?? new ProvisioningSettings();

    public IReadOnlyList<int> ParseVersions()
    {
        var versions = Versions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .ToArray();
        var unsupported = versions.Where(v => !SupportedVersions.Contains(v)).ToArray();
        if (versions.Length == 0 || unsupported.Length > 0)
        {
            throw new InvalidOperationException(
                $"Provisioning:Versions is '{Versions}': serve one or more of {string.Join(", ", SupportedVersions)}, comma-separated.");
        }
        return versions.Distinct().ToArray();
    }

    public static IReadOnlyList<int> SupportedVersions { get; } = [2, 3];
}
