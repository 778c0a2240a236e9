namespace Provisioning.Hosting;

public sealed class SecuritySettings
{
    /// <summary>PBKDF2-HMAC-SHA256 iterations for stored passwords (OWASP 2023: 600,000).</summary>
    public int PasswordHashIterations { get; set; } = 600_000;

    public int LockoutThreshold { get; set; } = 5;

    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Password hashes running at once in the process: one per core keeps a flood of logins from taking them all.</summary>
    public int MaxConcurrentHashes { get; set; } = Environment.ProcessorCount;

    public int MaxConcurrentHashesPerLogin { get; set; } = 2;

    /// <summary>How long a login waits for its turn to hash before it is answered as failed.</summary>
    public TimeSpan HashWait { get; set; } = TimeSpan.FromSeconds(2);
}
