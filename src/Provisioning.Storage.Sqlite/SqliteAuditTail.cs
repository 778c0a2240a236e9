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
/// <remarks>
/// An entry stores its environment, login, token id, operation and entity as one number, its context in
/// <c>audit_contexts</c> (migration 0011), which can also name members left out of a created or deleted value right
/// after its id (<see cref="Omittable"/>), which the view <c>audit_log</c> puts back: the entry reads, and is hashed, as
/// the whole text. The contexts this transaction found or added are remembered until it ends or a savepoint is rolled
/// back: a context added by a write that was rolled back is gone, and its number may name another.
/// </remarks>
internal sealed class SqliteAuditTail
{
    private const string Insert =
        "INSERT INTO audit_entries (id, at, context, object_key, before_json, after_json, hash) VALUES (@id, @at, @context, @key, @before, @after, @hash)";

    private const string FindContext =
        "SELECT id FROM audit_contexts WHERE eid = @eid AND login = @login AND IFNULL(token_id, -1) = IFNULL(@token, -1) AND operation = @op AND entity = @entity "
        + "AND IFNULL(omitted, '') = IFNULL(@omitted, '')";

    private const string AddContext =
        "INSERT INTO audit_contexts (eid, login, token_id, operation, entity, omitted) VALUES (@eid, @login, @token, @op, @entity, @omitted)";

    /// <summary>
    /// Per entity, the members a created (or deleted) value most often has right after its id, left out of the stored
    /// text when it has exactly them there: an extension recording everything, voice only (31 bytes of a 44-byte value).
    /// </summary>
    private static readonly Dictionary<string, string> Omittable = new(StringComparer.Ordinal)
    {
        [AuditChange.Extension] = ",\"mode\":\"full\",\"media\":[\"voice\"]",
    };

    private const string IdMember = "{\"id\":";

    private readonly Dictionary<(string Eid, string Login, long? TokenId, string Operation, string Entity, string? Omitted), long> _contexts = [];
    private State _state;

    /// <summary>What a write's savepoint returns to when it is rolled back.</summary>
    public State Mark => _state;

    /// <summary>A new transaction: what the last one left may have been rolled back, or another process may have written since.</summary>
    public void BeginBatch()
    {
        _state = default;
        _contexts.Clear();
    }

    public void Restore(State mark)
    {
        _state = mark;
        _contexts.Clear();
    }

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
        var (stored, omitted) = Compact(change.Entity, json);
        SqliteSqlSession.Completed(c.ExecuteAsync(
            Insert,
            ("@id", id), ("@at", actor.At), ("@context", Context(c, actor, change, omitted)), ("@key", change.Key), ("@before", stored.Before), ("@after", stored.After),
            ("@hash", hash)));
        _state = new State(true, true, id, id + 1, hash);
    }

    /// <summary>
    /// The value as stored and the members left out of it: those of <see cref="Omittable"/>, when a created or deleted
    /// value has them right after its id (a number, so the first comma ends it). The view inserts them at the first comma
    /// of the stored text, or before its last character (the closing brace), which gives back exactly this text: what
    /// follows the members is checked to be that comma or that brace.
    /// </summary>
    internal static (AuditValues Stored, string? Omitted) Compact(string entity, AuditValues json)
    {
        if (json.Before is not null == json.After is not null || !Omittable.TryGetValue(entity, out var members))
        {
            return (json, null);
        }
        var value = (json.Before ?? json.After)!;
        var end = value.IndexOf(',', StringComparison.Ordinal);
        if (!value.StartsWith(IdMember, StringComparison.Ordinal) || end <= IdMember.Length
            || value.AsSpan(IdMember.Length, end - IdMember.Length).ContainsAnyExceptInRange('0', '9')
            || string.CompareOrdinal(value, end, members, 0, members.Length) != 0
            || !(value.IndexOf(',', end + members.Length) == end + members.Length || (value.IndexOf(',', end + members.Length) < 0 && value.Length == end + members.Length + 1)))
        {
            return (json, null);
        }
        var stored = string.Concat(value.AsSpan(0, end), value.AsSpan(end + members.Length));
        return (json.Before is null ? new AuditValues(null, stored) : new AuditValues(stored, null), members);
    }

    private long Context(SqliteSqlSession c, AuditActor actor, AuditChange change, string? omitted)
    {
        var names = (change.Eid, actor.Login, actor.TokenId, actor.Operation, change.Entity, omitted);
        if (!_contexts.TryGetValue(names, out var context))
        {
            (string, object?)[] parameters =
                [("@eid", change.Eid), ("@login", actor.Login), ("@token", actor.TokenId), ("@op", actor.Operation), ("@entity", change.Entity), ("@omitted", omitted)];
            context = SqliteSqlSession.Completed(c.Int64Async(FindContext, parameters))
                ?? SqliteSqlSession.Completed(c.InsertAsync(AddContext, parameters))
                ?? throw new InvalidOperationException("An audit context was not added.");
            _contexts[names] = context;
        }
        return context;
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
            "SELECT position, hash, MAX(position, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_entries'), 0), COALESCE((SELECT MAX(id) FROM audit_entries), 0)) "
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
