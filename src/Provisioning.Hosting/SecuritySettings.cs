namespace Provisioning.Hosting;

public sealed class SecuritySettings
{
    /// <summary>PBKDF2-HMAC-SHA256 iterations for stored passwords (OWASP 2023: 600,000).</summary>
    public int PasswordHashIterations { get; set; } = 600_000;

    public int LockoutThreshold { get; set; } = 5;

    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
