using System.Data.Common;
using Provisioning.Core.Model;
using Provisioning.Core.Recorders;

namespace Provisioning.Storage;

/// <summary>Reads recorder rows with their environments, and configured extensions as recorders are given them.</summary>
internal static class RecorderRows
{
    private const string Select = "SELECT r.id, r.name, r.push_url, r.applied_revision, r.last_contact, r.created_at, r.secret_hash FROM recorders r";

    public const string Configured = "SELECT e.id, t.eid, e.address, e.recording_mode, e.media, u.login_name, u.display_name "
        + "FROM extensions e JOIN tenants t ON t.id = e.tenant_id LEFT JOIN users u ON u.id = e.user_id";

    public static async ValueTask<(Recorder Recorder, byte[] SecretHash)?> FindAsync(SqlSession c, string nameKey)
    {
        var rows = await ReadAsync(c, "WHERE r.name_key = @k", ("@k", nameKey));
        return rows is [var row] ? row : null;
    }

    public static async ValueTask<List<(Recorder Recorder, byte[] SecretHash)>> ReadAsync(SqlSession c, string where, params (string, object?)[] parameters)
    {
        var rows = await c.ListAsync($"{Select} {where} ORDER BY r.name_key", Read, parameters);
        if (rows.Count == 0)
        {
            return rows;
        }
        var environments = (await c.ListAsync(
                $"SELECT recorder_id, eid FROM recorder_environments WHERE {c.Dialect.InList("recorder_id", "@ids")} ORDER BY eid_key",
                r => (Id: r.GetInt64(0), Eid: r.GetString(1)),
                ("@ids", rows.ConvertAll(r => r.Recorder.Id).ToArray())))
            .ToLookup(e => e.Id, e => e.Eid);
        return rows.ConvertAll(r => (r.Recorder with { Environments = environments[r.Recorder.Id].ToArray() }, r.SecretHash));
    }

    /// <summary>A condition on tenants <c>t</c> that they are among the folded eids; "TRUE" for all.</summary>
    public static string InEnvironments(SqlDialect d, IReadOnlyList<string>? eidKeys) => eidKeys is null ? "TRUE" : d.InList("t.eid_key", "@eids");

    /// <summary>A condition that the extension <c>e</c> is in one of the environments, checked row by row (see <see cref="SqlDialect.AmongRowsOf"/>); "TRUE" for all.</summary>
    public static string ExtensionInEnvironments(SqlDialect d, IReadOnlyList<string>? eidKeys) =>
        eidKeys is null ? "TRUE" : d.AmongRowsOf("e.tenant_id", $"SELECT t.id FROM tenants t WHERE {InEnvironments(d, eidKeys)}");

    public static (string, object?) EnvironmentsParameter(IReadOnlyList<string>? eidKeys) => ("@eids", eidKeys?.ToArray() ?? []);

    public static ConfiguredExtension ReadConfigured(DbDataReader r) => new(
        r.GetString(1), r.GetString(2), (RecordingMode)r.GetInt32(3), new RecordedMedia(r.GetInt32(4)), r.Text(5), r.Text(6));

    private static (Recorder Recorder, byte[] SecretHash) Read(DbDataReader r) => (new Recorder
    {
        Id = r.GetInt64(0),
        Name = r.GetString(1),
        Environments = [],
        PushUrl = r.Text(2),
        AppliedRevision = r.Int64(3),
        LastContact = r.Time(4),
        CreatedAt = r.Time(5)!.Value,
    }, (byte[])r.GetValue(6));
}
