using Microsoft.Data.Sqlite;
using Provisioning.Core.Audit;

namespace Provisioning.Storage.Sqlite;

/// <summary>Appends audit entries (inside the write's transaction) and reads them back.</summary>
internal static class AuditRows
{
    /// <summary>Who a change is recorded for when no front set one: start-up work such as bootstrap.</summary>
    public static AuditActor System(DateTimeOffset now) => new(now, "system", null, "system");

    private const string Insert = "INSERT INTO audit_log (at, eid, login, token_id, operation, entity, object_key, before_json, after_json) "
        + "VALUES (@at, @eid, @login, @token, @op, @entity, @key, @before, @after)";

    /// <summary>Appends one entry with the connection's prepared insert (see <see cref="Sql.Command"/>).</summary>
    public static void Append(SqliteConnection c, AuditActor actor, AuditChange change) => Sql.Execute(
        c,
        Insert,
        ("@at", actor.At), ("@eid", change.Eid), ("@login", actor.Login), ("@token", actor.TokenId), ("@op", actor.Operation),
        ("@entity", change.Entity), ("@key", change.Key), ("@before", AuditJson.Serialize(change.Before)), ("@after", AuditJson.Serialize(change.After)));

    /// <summary>An insert to run for many changes with <see cref="Append(SqliteCommand, AuditActor, AuditChange)"/> (bulk import).</summary>
    public static SqliteCommand Prepare(SqliteConnection c)
    {
        var command = c.CreateCommand();
        command.CommandText = Insert;
        foreach (var name in (string[])["@at", "@eid", "@login", "@token", "@op", "@entity", "@key", "@before", "@after"])
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    public static void Append(SqliteCommand insert, AuditActor actor, AuditChange change)
    {
        object?[] values = [actor.At, change.Eid, actor.Login, actor.TokenId, actor.Operation, change.Entity, change.Key, AuditJson.Serialize(change.Before), AuditJson.Serialize(change.After)];
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = Sql.ToDb(values[i]);
        }
        insert.ExecuteNonQuery();
    }

    public static List<AuditEntry> Read(SqliteConnection c, AuditQuery q, int limit)
    {
        var command = Sql.Command(
            c,
            "SELECT id, at, eid, login, token_id, operation, entity, object_key, before_json, after_json FROM audit_log "
            + "WHERE (@eid IS NULL OR eid = @eid) AND (@since IS NULL OR at >= @since) AND (@after IS NULL OR id > @after) "
            + "AND (@entity IS NULL OR entity = @entity) ORDER BY id" + Sql.Limit(limit),
            ("@eid", q.Eid), ("@since", q.Since), ("@after", q.AfterId), ("@entity", q.Entity));
        using var r = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (r.Read())
        {
            entries.Add(new AuditEntry(r.GetInt64(0), r.Time(1)!.Value, r.GetString(2), r.GetString(3), r.Int64(4), r.GetString(5), r.GetString(6), r.GetString(7), r.Text(8), r.Text(9)));
        }
        return entries;
    }
}
