using System.Globalization;

namespace Provisioning.Hosting;

/// <summary>
/// Checks the settings before anything starts, so a wrong value stops the start with a line naming the setting and the
/// value instead of an exception from deep inside Kestrel or a limit that silently lets everything through.
/// </summary>
public static class SettingsValidation
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting out of range.</summary>
    public static void Validate(ProvisioningSettings settings)
    {
        var versions = settings.ParseVersions();
        Port("PortRangeStart", settings.PortRangeStart);
        if (settings.PortRangeStart != 0 && settings.PortRangeStart + versions.Max() > 65_535)
        {
            throw Invalid("PortRangeStart", $"at most {65_535 - versions.Max()} (version {versions.Max()} listens on PortRangeStart + {versions.Max()})", settings.PortRangeStart);
        }
        if (settings.Management.Enabled)
        {
            Port("Management:Port", settings.Management.PortFor(settings.PortRangeStart));
        }
        Positive("MaxListResults", settings.MaxListResults);
        var limits = settings.Limits;
        Positive("Limits:MaxRequestBytes", limits.MaxRequestBytes);
        Positive("Limits:MaxXmlDepth", limits.MaxXmlDepth);
        Positive("Limits:MaxXmlElements", limits.MaxXmlElements);
        Positive("Limits:MaxValueLength", limits.MaxValueLength);
        Positive("Limits:RequestHeadersTimeout", limits.RequestHeadersTimeout);
        Positive("Limits:MinRequestBodyBytesPerSecond", limits.MinRequestBodyBytesPerSecond);
        Positive("Limits:KeepAliveTimeout", limits.KeepAliveTimeout);
        Positive("Tokens:IdleTimeout", settings.Tokens.IdleTimeout);
        Positive("Tokens:MaxLifetime", settings.Tokens.MaxLifetime);
        Positive("Recorders:PushTimeout", settings.Recorders.PushTimeout);
        if (settings.Audit.Retention is { } retention)
        {
            Positive("Audit:Retention", retention);
            if (string.IsNullOrWhiteSpace(settings.Audit.ArchiveDirectory))
            {
                throw Invalid("Audit:ArchiveDirectory", "set when Audit:Retention is (where entries past retention are archived)", "unset");
            }
        }
        var security = settings.Security;
        Positive("Security:PasswordHashIterations", security.PasswordHashIterations);
        Positive("Security:LockoutThreshold", security.LockoutThreshold);
        Positive("Security:LockoutWindow", security.LockoutWindow);
        Positive("Security:LockoutDuration", security.LockoutDuration);
        Positive("Security:MaxConcurrentHashes", security.MaxConcurrentHashes);
        Positive("Security:MaxConcurrentHashesPerLogin", security.MaxConcurrentHashesPerLogin);
        if (security.HashWait < TimeSpan.Zero)
        {
            throw Invalid("Security:HashWait", "zero or a positive time (hh:mm:ss)", security.HashWait);
        }
    }

    private static void Port(string name, int value)
    {
        if (value is < 0 or > 65_535)
        {
            throw Invalid(name, "a port from 0 to 65535 (0: the system picks one)", value);
        }
    }

    private static void Positive(string name, double value)
    {
        if (!(value > 0))
        {
            throw Invalid(name, "positive", value);
        }
    }

    private static void Positive(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw Invalid(name, "a positive time (hh:mm:ss)", value);
        }
    }

    private static InvalidOperationException Invalid(string name, string rule, object value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{ProvisioningSettings.Section}:{name} must be {rule}, was {value}"));
}
