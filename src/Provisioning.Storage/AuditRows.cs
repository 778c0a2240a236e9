using System.Data.Common;
using Provisioning.Core.Audit;

namespace Provisioning.Storage;

/// <summary>Appends audit entries (inside the write's transaction) and reads them back.</summary>
internal static class AuditRows
{
    public const string Insert = "INSERT INTO audit_log (" + Written + ") VALUES (" + Values + ")";

    private const string Written = "at, eid, login, token_id, operation, entity, object_key, before_json, after_json";
    private const string Values = "@at, @eid, @login, @token, @op, @entity, @key, @before, @after";

    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    public const string Columns = ColumnsBeforeValues + "before_json, after_json" + ColumnsAfterValues;

    private const string ColumnsBeforeValues = "id, at, eid, login, token_id, operation, entity, object_key, ";
    private const string ColumnsAfterValues = ", position, hash";

    /// <summary>
    /// <see cref="Columns"/> with the values cut to <paramref name="cut"/> characters and one more (to tell a cut one)
    /// in SQL: both databases then hand over a few hundred characters instead of an import's whole batch of keys.
    /// </summary>
    private static string ColumnsCutAt(int cut)
    {
        var length = (cut + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{ColumnsBeforeValues}substr(before_json, 1, {length}), substr(after_json, 1, {length}){ColumnsAfterValues}";
    }

    public static ValueTask AppendAsync(SqlSession c, AuditActor actor, AuditChange change) => c.AppendAuditAsync(actor, change, AuditJson.Of(change));

    /// <summary>The parameters of <see cref="Insert"/>.</summary>
    public static (string Name, object? Value)[] Parameters(AuditActor actor, AuditChange change, AuditValues json) =>
    [
        ("@at", actor.At), ("@eid", change.Eid), ("@login", actor.Login), ("@token", actor.TokenId), ("@op", actor.Operation),
        ("@entity", change.Entity), ("@key", change.Key), ("@before", json.Before), ("@after", json.After),
    ];

    /// <summary>Only the criteria given are written, so no statement needs a typed NULL.</summary>
    public static ValueTask<List<AuditEntry>> ReadAsync(SqlSession c, AuditQuery q, int limit) => c.ListAsync(
        $"SELECT {(q.CutValuesAt is { } cut ? ColumnsCutAt(cut) : Columns)} FROM audit_log WHERE TRUE"
        + Where(q) + (q.NewestFirst ? " ORDER BY id DESC" : " ORDER BY id") + SqlDialect.Limit(limit),
        Read,
        Parameters(q));

    public static async ValueTask<long> CountAsync(SqlSession c, AuditQuery q) =>
        (await c.ListAsync("SELECT COUNT(*) FROM audit_log WHERE TRUE" + Where(q), r => r.GetInt64(0), Parameters(q)))[0];

    private static string Where(AuditQuery q) =>
        (q.Eid is null ? string.Empty : " AND eid = @eid")
        + (q.Since is null ? string.Empty : " AND at >= @since")
        + (q.Until is null ? string.Empty : " AND at < @until")
        + (q.AfterId is null ? string.Empty : " AND id > @after")
        + (q.BeforeId is null ? string.Empty : " AND id < @before")
        + (q.Entity is null ? string.Empty : " AND entity = @entity")
        + (q.Login is null ? string.Empty : " AND login = @login");

    private static (string, object?)[] Parameters(AuditQuery q) =>
        [("@eid", q.Eid), ("@since", q.Since), ("@until", q.Until), ("@after", q.AfterId), ("@before", q.BeforeId), ("@entity", q.Entity), ("@login", q.Login)];

    /// <summary>A row of <see cref="Columns"/>; a hash of zeros (SQLite's "not sealed yet") is none.</summary>
    public static AuditEntry Read(DbDataReader r)
    {
        var hash = r.IsDBNull(11) ? null : (byte[])r.GetValue(11);
        var position = r.Int64(10);
        return new AuditEntry(
            r.GetInt64(0), r.Time(1)!.Value, r.GetString(2), r.GetString(3), r.Int64(4), r.GetString(5), r.GetString(6), r.GetString(7), r.Text(8), r.Text(9),
            position is null || hash is null || !hash.AsSpan().ContainsAnyExcept((byte)0) ? null : position,
            position is null || hash is null || !hash.AsSpan().ContainsAnyExcept((byte)0) ? null : hash);
    }
}
