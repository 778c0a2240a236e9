namespace Provisioning.Server.Recorders;

/// <summary>The recorder feed's log messages; event ids from 1400, apart from the host's.</summary>
internal static partial class RecorderLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Pruned {Count} configuration changes; deltas start at revision {Horizon} or later")]
    public static partial void ChangesPruned(ILogger logger, int count, long horizon);
}
