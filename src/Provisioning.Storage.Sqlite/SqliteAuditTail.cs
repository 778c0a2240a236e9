using Provisioning.Core.Audit;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// The end of the audit chain as the writer's open transaction sees it, so that entries are chained as they are
/// written rather than by the sealer afterwards (docs/AUDIT.md): SQLite's one writer commits in id order, so the entry
/// it appends now is the next in the chain, and its id (its position) is known before the insert. Read from the
/// database at the first entry of each batch, under the write lock, so another process writing the same file between
/// batches is followed; moved back when a write's savepoint is rolled back; written to <c>audit_chain</c> before the
/// batch commits.
/// </summary>
internal sealed class SqliteAuditTail
{
    private State _state;

    /// <summary>What a write's savepoint returns to when it is rolled back.</summary>
    public State Mark => _state;

    /// <summary>A new transaction: what the last one left may have been rolled back, or another process may have written since.</summary>
    public void BeginBatch() => _state = default;

    public void Restore(State mark) => _state = mark;

    public void Append(SqliteSqlSession c, AuditActor actor, AuditChange change, AuditValues json)
    {
        if (!_state.Known)
        {
            _state = Read(c);
        }
        // The time as the store keeps it (milliseconds), which is what verification reads back and hashes.
        actor = actor with { At = DateTimeOffset.FromUnixTimeMilliseconds(actor.At.ToUnixTimeMilliseconds()) };
        var id = _state.NextId;
        var entry = new AuditEntry(id, actor.At, change.Eid, actor.Login, actor.TokenId, actor.Operation, change.Entity, change.Key, json.Before, json.After);
        var hash = AuditChain.Hash(_state.Hash, entry, id);
        SqliteSqlSession.Completed(c.ExecuteAsync(AuditRows.InsertChained, AuditRows.Parameters(actor, change, json, ("@id", id), ("@hash", hash))));
        _state = new State(true, true, id, id + 1, hash);
    }

    /// <summary>Records the new end in <c>audit_chain</c>, in the transaction about to commit, when entries were appended.</summary>
    public void BeforeCommit(SqliteSqlSession c)
    {
        if (_state.Moved)
        {
            SqliteSqlSession.Completed(c.ExecuteAsync(
                "UPDATE audit_chain SET position = @position, hash = @hash WHERE id = 1", ("@position", _state.Position), ("@hash", _state.Hash)));
        }
    }

    /// <summary>
    /// The chain's end: entries someone wrote unsealed (by hand, or a server from before entries were chained as written)
    /// are sealed first, in this transaction. The next id is the one AUTOINCREMENT would give, so that entries removed
    /// from the end leave a gap verification names rather than a reused position.
    /// </summary>
    private static State Read(SqliteSqlSession c)
    {
        while (SqliteSqlSession.Completed(c.ExistsAsync($"SELECT 1 FROM audit_log WHERE {c.Dialect.AuditChain.Unsealed} LIMIT 1")))
        {
            SqliteSqlSession.Completed(SqlAuditStore.SealBatchAsync(c));
        }
        // One statement for the end and the next id, read at every batch's first entry.
        var end = SqliteSqlSession.Completed(c.ListAsync(
            "SELECT position, hash, MAX(position, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0), COALESCE((SELECT MAX(id) FROM audit_log), 0)) "
            + "FROM audit_chain WHERE id = 1",
            r => new State(true, false, r.GetInt64(0), r.GetInt64(2) + 1, (byte[])r.GetValue(1))));
        return end is [var state] ? state : throw new InvalidOperationException("The audit chain's head row is missing (migration 0007 writes it).");
    }

    /// <param name="Known">Read in this transaction.</param>
    /// <param name="Moved">Entries were appended: <c>audit_chain</c> must follow.</param>
    /// <param name="Position">The last chained entry's position.</param>
    /// <param name="NextId">The id (and position) of the next entry.</param>
    /// <param name="Hash">The last chained entry's hash, which the next one follows.</param>
    internal readonly record struct State(bool Known, bool Moved, long Position, long NextId, byte[] Hash);
}
