namespace Provisioning.Core.Recorders;

/// <summary>How applyExtensionConfiguration reaches recorders.</summary>
public sealed record RecorderOptions
{
    /// <summary>
    /// How long a push may take (connect, send, answer), and how long a recorder without a push URL is given to fetch
    /// the revision and report it applied.
    /// </summary>
    public TimeSpan PushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The timeout as the statuses say it: "5 s", "0.5 s".</summary>
    public string PushTimeoutText => PushTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>Pushes under way at once in one call: each holds a temporary file of the configuration.</summary>
    public int MaxParallelPushes { get; init; } = 16;
}
