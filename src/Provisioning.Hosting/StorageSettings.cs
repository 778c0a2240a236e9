namespace Provisioning.Hosting;

public sealed class StorageSettings
{
    /// <summary>Sqlite (embedded default) or Postgres (several instances on one database).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file (default <c>Data Source=provisioning.db</c>) or an Npgsql connection string (required).</summary>
    public string? ConnectionString { get; set; }
}
