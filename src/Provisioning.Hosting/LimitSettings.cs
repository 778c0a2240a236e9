namespace Provisioning.Hosting;

public sealed class LimitSettings
{
    /// <summary>Larger request bodies are answered 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;
}
