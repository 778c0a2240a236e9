namespace Provisioning.Hosting;

public sealed class TokenSettings
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(24);
}
