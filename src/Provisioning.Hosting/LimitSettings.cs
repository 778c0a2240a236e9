namespace Provisioning.Hosting;

public sealed class LimitSettings
{
    /// <summary>Larger request bodies are answered 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>How deep elements of a request may nest; deeper is a Client fault.</summary>
    public int MaxXmlDepth { get; set; } = 32;

    /// <summary>How many elements a request may have; more is a Client fault.</summary>
    public int MaxXmlElements { get; set; } = 100_000;

    /// <summary>The longest value of one element, in characters; longer is a Client fault (fields have their own, smaller limits).</summary>
    public int MaxValueLength { get; set; } = 65_536;

    /// <summary>A client that has not sent all its request headers within this time is disconnected.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A client sending its body slower than this (after a 5 s grace period) is disconnected.</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>An idle keep-alive connection is closed after this time.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
