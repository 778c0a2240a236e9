using Provisioning.Core.Audit;

namespace Provisioning.Storage.Postgres;

/// <summary>Appends audit entries (inside the write's transaction) and reads them back.</summary>
internal static class AuditRows
{
    /// <summary>Who a change is recorded for when no front set one: start-up work such as bootstrap.</summary>
    public static AuditActor System(DateTimeOffset now) => new(now, "system", null, "system");

    public static Task AppendAsync(Db db, AuditActor actor, AuditChange change) => db.ExecuteAsync(
        "INSERT INTO audit_log (at, eid, login, token_id, operation, entity, object_key, before_json, after_json) "
        + "VALUES (@at, @eid, @login, @token, @op, @entity, @key, @before, @after)",
        ("@at", actor.At), ("@eid", change.Eid), ("@login", actor.Login), ("@token", actor.TokenId), ("@op", actor.Operation),
        ("@entity", change.Entity), ("@key", change.Key), ("@before", AuditJson.Serialize(change.Before)), ("@after", AuditJson.Serialize(change.After)));

    public static Task<List<AuditEntry>> ReadAsync(Db db, AuditQuery q, int limit) => db.ListAsync(
        "SELECT id, at, eid, login, token_id, operation, entity, object_key, before_json, after_json FROM audit_log "
        + "WHERE (@eid::text IS NULL OR eid = @eid) AND (@since::timestamptz IS NULL OR at >= @since) AND (@after::bigint IS NULL OR id > @after) "
        + "AND (@entity::text IS NULL OR entity = @entity) ORDER BY id LIMIT @limit",
        r => new AuditEntry(r.GetInt64(0), r.Time(1), r.GetString(2), r.GetString(3), r.Int64(4), r.GetString(5), r.GetString(6), r.GetString(7), r.Text(8), r.Text(9)),
        ("@eid", q.Eid), ("@since", q.Since), ("@after", q.AfterId), ("@entity", q.Entity), ("@limit", limit));
}
