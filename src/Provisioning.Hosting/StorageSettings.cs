using System.ComponentModel;

namespace Provisioning.Hosting;

public sealed class StorageSettings
{
    /// <summary>Sqlite (embedded default) or Postgres (several instances on one database).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file (default <c>Data Source=provisioning.db</c>, relative to the working directory) or an Npgsql connection string (required).</summary>
    [Description("Sqlite: Data Source=provisioning.db in the working directory; Postgres: required")]
    public string? ConnectionString { get; set; }

    /// <summary>The root of the default archive folder createEnvironment makes without an archivePath: {root}/archive/{shortName} (spec §8).</summary>
    [Description("empty: the path is archive/{shortName}")]
    public string? ArchiveRoot { get; set; }
}
