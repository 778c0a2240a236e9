namespace Provisioning.Server.Audit;

/// <summary>The audit retention's log messages; event ids from 1500.</summary>
internal static partial class AuditServerLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Archived and removed the audit entries past retention through chain position {Position} (hash {Hash})")]
    public static partial void Archived(ILogger logger, long position, string hash);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "The audit chain does not verify, so nothing past retention was removed: {Problem}")]
    public static partial void ChainBroken(ILogger logger, string problem);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Audit entries past retention were not removed: {Problem}")]
    public static partial void NotPruned(ILogger logger, string problem);
}
