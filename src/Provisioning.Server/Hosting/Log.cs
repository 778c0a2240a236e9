namespace Provisioning.Server.Hosting;

/// <summary>Every log event of the server, with stable event ids. No message carries a token or a password hash.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "API version {Version} listening on {Url}")]
    public static partial void Listening(ILogger logger, int version, string url);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Storage {Provider} ready at schema version {SchemaVersion}")]
    public static partial void StorageReady(ILogger logger, string provider, int schemaVersion);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Bootstrap created environment 0000 and System Administrator '{Login}'")]
    public static partial void Bootstrapped(ILogger logger, string login);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "No Provisioning:Bootstrap:AdminPassword was set; the administrator '{Login}' got this generated password, shown only now: {Password}")]
    public static partial void GeneratedPassword(ILogger logger, string login, string password);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Provisioning:Security:PasswordHashIterations is {Iterations}; below 100000 stored passwords are cheap to attack")]
    public static partial void WeakPasswordHash(ILogger logger, int iterations);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Management (/healthz, /readyz, /metrics) listening on {Url}")]
    public static partial void ManagementListening(ILogger logger, string url);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Server fault {CorrelationId} in {Operation}")]
    public static partial void ServerFault(ILogger logger, string correlationId, string operation, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "{Operation} answered {Status} in {Elapsed} ms")]
    public static partial void Answered(ILogger logger, string operation, string status, double elapsed);

    [LoggerMessage(EventId = 50, Level = LogLevel.Critical, Message = "No write is accepted from now on, and the server is not ready: {Reason}. Stop the server, restore the database file, start again")]
    public static partial void DatabaseFileLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 51, Level = LogLevel.Error, Message = "Writes fail and the server is not ready until one succeeds: {Reason}")]
    public static partial void CommitsFailing(ILogger logger, string reason);

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Writes succeed again; {FailedWrites} writes failed meanwhile with: {Reason}")]
    public static partial void CommitsRecovered(ILogger logger, long failedWrites, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Purged {Count} expired or released tokens")]
    public static partial void TokensPurged(ILogger logger, int count);
}
