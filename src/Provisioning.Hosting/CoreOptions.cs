using Provisioning.Core.Security;
using Provisioning.Core.Services;

namespace Provisioning.Hosting;

/// <summary>The Core options that the settings make, the same for the server and the command line.</summary>
public static class CoreOptions
{
    public static PasswordHasher Hasher(ProvisioningSettings settings) => new(settings.Security.PasswordHashIterations);

    public static PasswordGate PasswordGate(ProvisioningSettings settings, TimeProvider time)
    {
        var security = settings.Security;
        AtLeastOne(security.MaxConcurrentHashes, "MaxConcurrentHashes");
        AtLeastOne(security.MaxConcurrentHashesPerLogin, "MaxConcurrentHashesPerLogin");
        if (security.HashWait < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Provisioning:Security:HashWait is {security.HashWait}; it must not be negative.");
        }
        return new(security.MaxConcurrentHashes, security.MaxConcurrentHashesPerLogin, security.HashWait, time);
    }

    public static ApiLimits Limits(ProvisioningSettings settings) => new() { MaxListResults = settings.MaxListResults };

    public static TokenOptions Tokens(ProvisioningSettings settings) => new()
    {
        IdleTimeout = settings.Tokens.IdleTimeout,
        MaxLifetime = settings.Tokens.MaxLifetime,
        Lockout = new LockoutPolicy(settings.Security.LockoutThreshold, settings.Security.LockoutWindow, settings.Security.LockoutDuration),
    };

    private static void AtLeastOne(int value, string name)
    {
        if (value < 1)
        {
            throw new InvalidOperationException($"Provisioning:Security:{name} is {value}; it must be 1 or more.");
        }
    }
}
