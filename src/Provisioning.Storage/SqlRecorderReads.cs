using Provisioning.Core.Model;
using Provisioning.Core.Recorders;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>The registry's reads and the configuration recorders are given: extensions by page, revisions and deltas from the change log.</summary>
internal sealed class SqlRecorderReads(ISqlDatabase db) : IRecorderReads
{
    public async Task<Recorder?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await FindWithSecretAsync(name, cancellationToken))?.Recorder;

    public Task<(Recorder Recorder, byte[] SecretHash)?> FindWithSecretAsync(string name, CancellationToken cancellationToken) =>
        db.ReadAsync(c => RecorderRows.FindAsync(c, Keys.Fold(name)), cancellationToken);

    public Task<IReadOnlyList<Recorder>> ListAsync(CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Recorder>>(async c => (await RecorderRows.ReadAsync(c, string.Empty)).ConvertAll(r => r.Recorder), cancellationToken);

    /// <summary>
    /// The newest change per environment, each found at the end of its (tenant_id, revision) index: a MAX over the
    /// environments' rows joined at once read every change they ever had (PostgreSQL: 81 ms at 100,000), at every request
    /// and every long poll woken.
    /// </summary>
    public Task<long> RevisionAsync(IReadOnlyList<string>? eidKeys, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => await c.Int64Async(Newest(c.Dialect, eidKeys, c.Dialect.Settled("x.revision")), RecorderRows.EnvironmentsParameter(eidKeys)) ?? 0,
            cancellationToken);

    /// <summary>Both in one statement, so on PostgreSQL they come from one snapshot; each read from the ends of the indexes as above.</summary>
    public Task<(long Settled, long Committed)> RevisionsAsync(IReadOnlyList<string>? eidKeys, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => (await c.ListAsync(
                $"SELECT ({Newest(c.Dialect, eidKeys, c.Dialect.Settled("x.revision"))}), ({Newest(c.Dialect, eidKeys, "TRUE")})",
                r => (r.IsDBNull(0) ? 0 : r.GetInt64(0), r.IsDBNull(1) ? 0 : r.GetInt64(1)),
                RecorderRows.EnvironmentsParameter(eidKeys)))[0],
            cancellationToken);

    private static string Newest(SqlDialect dialect, IReadOnlyList<string>? eidKeys, string condition) =>
        eidKeys is null
            ? $"SELECT MAX(x.revision) FROM configuration_changes x WHERE {condition}"
            : "SELECT MAX(r.newest) FROM (SELECT (SELECT MAX(x.revision) FROM configuration_changes x "
                + $"WHERE x.tenant_id = t.id AND {condition}) AS newest "
                + $"FROM tenants t WHERE {RecorderRows.InEnvironments(dialect, eidKeys)}) r";

    public Task<long> HorizonAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(async c => await c.Int64Async("SELECT revision FROM configuration_horizon WHERE id = 1") ?? 0, cancellationToken);

    /// <summary>
    /// A page in id order, read along the primary key from where the last page ended. Joined to the environments, both
    /// stores read every extension of the environment and sorted them for each page instead, so a full fetch grew with
    /// the square of its size (300,000 extensions: 25 s on SQLite).
    /// </summary>
    public Task<IReadOnlyList<(long Id, ConfiguredExtension Extension)>> ExtensionsAsync(
        IReadOnlyList<string>? eidKeys, long afterId, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<(long, ConfiguredExtension)>>(
            async c => await c.ListAsync(
                $"{RecorderRows.Configured} WHERE e.id > @after AND {RecorderRows.ExtensionInEnvironments(c.Dialect, eidKeys)} ORDER BY e.id{SqlDialect.Limit(limit)}",
                r => (r.GetInt64(0), RecorderRows.ReadConfigured(r)),
                ("@after", afterId), RecorderRows.EnvironmentsParameter(eidKeys)),
            cancellationToken);

    /// <summary>Each changed address once, joined to what it is now: no extension there means it was deleted.</summary>
    public Task<IReadOnlyList<ConfigurationChange>> ChangesAsync(IReadOnlyList<string>? eidKeys, long since, long upTo, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<ConfigurationChange>>(
            async c => await c.ListAsync(
                "SELECT e.id, t.eid, e.address, e.recording_mode, e.media, u.login_name, u.display_name, x.address FROM "
                + "(SELECT tenant_id, address_key, MAX(address) AS address, MAX(revision) AS revision FROM configuration_changes "
                + "WHERE revision > @since AND revision <= @upto GROUP BY tenant_id, address_key) x "
                + "JOIN tenants t ON t.id = x.tenant_id LEFT JOIN extensions e ON e.tenant_id = x.tenant_id AND e.address_key = x.address_key "
                + $"LEFT JOIN users u ON u.id = e.user_id WHERE {RecorderRows.InEnvironments(c.Dialect, eidKeys)} ORDER BY x.revision, x.address_key",
                r => r.IsDBNull(0)
                    ? new ConfigurationChange(r.GetString(1), r.GetString(7), null)
                    : new ConfigurationChange(r.GetString(1), r.GetString(2), RecorderRows.ReadConfigured(r)),
                ("@since", since), ("@upto", upTo), RecorderRows.EnvironmentsParameter(eidKeys)),
            cancellationToken);

    public Task<int> PruneChangesAsync(int keep, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async c =>
            {
                var cut = await c.Int64Async($"SELECT revision FROM configuration_changes ORDER BY revision DESC LIMIT 1 OFFSET {keep}");
                if (cut is not { } revision)
                {
                    return 0;
                }
                var pruned = await c.ExecuteAsync("DELETE FROM configuration_changes WHERE revision <= @r", ("@r", revision));
                await c.ExecuteAsync($"UPDATE configuration_horizon SET revision = {c.Dialect.Greatest("revision", "@r")} WHERE id = 1", ("@r", revision));
                return pruned;
            },
            static _ => true,
            null,
            cancellationToken);
}
