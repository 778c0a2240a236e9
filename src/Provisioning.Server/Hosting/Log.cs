namespace Provisioning.Server.Hosting;

/// <summary>Every log event of the server, with stable event ids. No message carries a token or a password hash.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "API version {Version} listening on {Url}")]
    public static partial void Listening(ILogger logger, int version, string url);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Storage {Provider} ready at schema version {SchemaVersion}: {Database}")]
    public static partial void StorageReady(ILogger logger, string provider, string database, int schemaVersion);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Bootstrap created environment 0000 and System Administrator '{Login}'")]
    public static partial void Bootstrapped(ILogger logger, string login);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "No Provisioning:Bootstrap:AdminPassword was set; the generated password of '{Login}' is in {PasswordFile}, readable only by this user")]
    public static partial void GeneratedPasswordFile(ILogger logger, string login, string passwordFile);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Provisioning:Security:PasswordHashIterations is {Iterations}; below 100000 stored passwords are cheap to attack")]
    public static partial void WeakPasswordHash(ILogger logger, int iterations);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Management (/healthz, /readyz, /metrics) listening on {Url}")]
    public static partial void ManagementListening(ILogger logger, string url);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Created the missing folder {Directory} of the SQLite database")]
    public static partial void DatabaseDirectoryCreated(ILogger logger, string directory);

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

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Server fault {CorrelationId} in {Operation}: {Error} (a repeat: traced once, then summarised)")]
    public static partial void ServerFaultRepeated(ILogger logger, string correlationId, string operation, string error);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "{Error}: repeated {Count} times in the last minute")]
    public static partial void Repeated(ILogger logger, string error, long count);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "{Part} failed and retries until it works: {Reason}")]
    public static partial void PartFailed(ILogger logger, string part, string reason, Exception exception);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "{Part} works again after {Seconds:0.0} s and {Failures} failed attempts")]
    public static partial void PartRecovered(ILogger logger, string part, double seconds, int failures);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Not ready: {Reason}")]
    public static partial void NotReady(ILogger logger, string reason);

    [LoggerMessage(EventId = 18, Level = LogLevel.Information, Message = "Ready again: the database answers")]
    public static partial void ReadyAgain(ILogger logger);

    [LoggerMessage(EventId = 1500, Level = LogLevel.Error, Message = "The console import {Job} stopped")]
    public static partial void ImportFailed(ILogger logger, string job, Exception exception);
}
