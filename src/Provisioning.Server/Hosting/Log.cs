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

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Purged {Count} expired or released tokens")]
    public static partial void TokensPurged(ILogger logger, int count);
}
