using Provisioning.Core.Audit;
using Provisioning.Core.Recorders;
using Provisioning.Core.Security;
using Provisioning.Core.Services;

namespace Provisioning.Hosting;

/// <summary>The Core options that the settings make, the same for the server and the command line.</summary>
public static class CoreOptions
{
    public static PasswordHasher Hasher(ProvisioningSettings settings) => new(settings.Security.PasswordHashIterations);

    /// <summary>The bounds on password hashes; <see cref="SettingsValidation"/> has checked them.</summary>
    public static PasswordGate PasswordGate(ProvisioningSettings settings, TimeProvider time)
    {
        var security = settings.Security;
        return new(security.MaxConcurrentHashes, security.MaxConcurrentHashesPerLogin, security.HashWait, time);
    }

    public static StorageOptions Storage(ProvisioningSettings settings) => new() { ArchiveRoot = settings.Storage.ArchiveRoot ?? string.Empty };

    public static ApiLimits Limits(ProvisioningSettings settings) => new() { MaxListResults = settings.MaxListResults };

    public static TokenOptions Tokens(ProvisioningSettings settings) => new()
    {
        IdleTimeout = settings.Tokens.IdleTimeout,
        MaxLifetime = settings.Tokens.MaxLifetime,
        Lockout = new LockoutPolicy(settings.Security.LockoutThreshold, settings.Security.LockoutWindow, settings.Security.LockoutDuration),
    };

    public static AuditOptions Audit(ProvisioningSettings settings) =>
        new() { Retention = settings.Audit.Retention, ArchiveDirectory = settings.Audit.ArchiveDirectory };

    public static RecorderOptions Recorders(ProvisioningSettings settings) => new() { PushTimeout = settings.Recorders.PushTimeout };
}
