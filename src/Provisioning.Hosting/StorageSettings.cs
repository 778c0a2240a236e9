namespace Provisioning.Hosting;

public sealed class StorageSettings
{
    /// <summary>Sqlite (embedded default).</summary>
    public string Provider { get; set; } = "Sqlite";

    public string ConnectionString { get; set; } = "Data Source=provisioning.db";
}
