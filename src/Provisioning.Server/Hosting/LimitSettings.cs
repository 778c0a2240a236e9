namespace Provisioning.Server.Hosting;

public sealed class LimitSettings
{
    /// <summary>Larger request bodies are answered 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>A client that has not sent all its request headers within this time is disconnected.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A client sending its body slower than this (after a 5 s grace period) is disconnected.</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>An idle keep-alive connection is closed after this time.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
