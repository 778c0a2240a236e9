using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// The one connection that writes. SQLite allows one writer at a time, so writes queue here, and whatever has queued
/// while the previous commit was syncing goes into the next transaction together (group commit): one fsync serves the
/// whole batch. Each write runs inside its own savepoint, so one that fails or is refused is rolled back alone and
/// never fails its neighbours. A caller's task completes only after the COMMIT holding its write returned, that is,
/// after the WAL was synced (synchronous=FULL).
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly Task _loop;
    private long _generation;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackToSavepoint;

    private readonly string _path;

    public SqliteWriter(SqliteConnection connection, string path, WriteHealth health)
    {
        _connection = connection;
        _path = path;
        Health = health;
        _begin = Command("BEGIN IMMEDIATE");
        _commit = Command("COMMIT");
        _rollback = Command("ROLLBACK");
        _savepoint = Command("SAVEPOINT w");
        _release = Command("RELEASE w");
        _rollbackToSavepoint = Command("ROLLBACK TO w");
        _loop = Task.Run(RunAsync);
    }

    public Action<int>? BatchObserver { get; set; }

    public WriteHealth Health { get; }

    /// <summary>The audit chain's end in the open transaction: entries are chained as they are written.</summary>
    public SqliteAuditTail AuditTail { get; } = new();

    /// <summary>Grows with every committed batch; a cached read is good only while it has not changed.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Queues <paramref name="work"/>; it is kept when <paramref name="keep"/> says so of its result, else rolled back.</summary>
    public Task<T> ExecuteAsync<T>(Func<SqliteConnection, T> work, Func<T, bool>? keep = null)
    {
        if (Health.Lost is { } lost)
        {
            return Task.FromException<T>(new InvalidOperationException(Refusal(lost)));
        }
        var write = new Write<T>(work, keep);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(write), this);
        return write.Task;
    }

    /// <summary>
    /// Commits a write that changes nothing but still needs room in the WAL (the schema version, set to itself): the
    /// readiness check while commits fail, so a server without traffic notices that space has returned.
    /// </summary>
    public Task ProbeAsync()
    {
        var write = new Write<int>(c => SqliteDatabase.Execute(c, $"PRAGMA user_version = {SqliteDatabase.SchemaVersion(c)}"), null) { Probe = true };
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(write), this);
        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        Checkpoint();
        foreach (var command in new[] { _begin, _commit, _rollback, _savepoint, _release, _rollbackToSavepoint })
        {
            command.Dispose();
        }
        await _connection.DisposeAsync();
    }

    /// <summary>
    /// After the last write of a clean stop: moves the WAL into the database file and empties it, so the file alone is a
    /// complete database (a copy of it, or a restore from it, needs no -wal).
    /// </summary>
    private void Checkpoint()
    {
        if (Health.Lost is not null)
        {
            return;
        }
        try
        {
            using var command = Command("PRAGMA wal_checkpoint(TRUNCATE)");
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Not fatal: the WAL stays beside the file and SQLite applies it on the next open.
        }
    }

    private static string Refusal(string reason) => $"No write is accepted: {reason}.";

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private async Task RunAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            try
            {
                RunBatch(batch);
                BatchObserver?.Invoke(batch.Count);
            }
#pragma warning disable CA1031 // The writer loop must survive anything one batch throws, or every later write would hang.
            catch (Exception e)
#pragma warning restore CA1031
            {
                TryRollback();
                FailBatch(batch, e, e);
            }
            batch.Clear();
        }
    }

    private void RunBatch(List<IWrite> batch)
    {
        var changes = SQLitePCL.raw.sqlite3_total_changes(_connection.Handle);
        try
        {
            _begin.ExecuteNonQuery();
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            FailBatch(batch, e, e);
            return;
        }
        AuditTail.BeginBatch();
        foreach (var write in batch)
        {
            if (RunOne(write) is { } broken)
            {
                // The transaction itself is broken (disk full, I/O error): nothing of the batch can be committed.
                TryRollback();
                FailBatch(batch, new InvalidOperationException("The write transaction failed and was rolled back.", broken), write.Failed as SqliteException ?? broken);
                return;
            }
        }
        try
        {
            AuditTail.BeforeCommit(new SqliteSqlSession(_connection));
        }
        catch (SqliteException e)
        {
            TryRollback();
            FailBatch(batch, new InvalidOperationException("The write transaction failed and was rolled back.", e), e);
            return;
        }
        // Last moment before the commit that makes callers hear OK: a write into a deleted file is lost at exit.
        if (FileIdentity.Lost(_connection, _path) is { } lost)
        {
            Health.MarkLost(lost);
            TryRollback();
            FailBatch(batch, new InvalidOperationException(Refusal(lost)), null);
            return;
        }
        try
        {
            _commit.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            TryRollback();
            FailBatch(batch, e, e);
            return;
        }
        // Only a commit that wrote proves the disk takes writes again (one whose writes were all refused wrote nothing),
        // and on a nearly full disk a small one may fit while the next fails: the episode ends when there is room again.
        if ((SQLitePCL.raw.sqlite3_total_changes(_connection.Handle) != changes || batch.Exists(w => w.Probe))
            && (Health.NotReadyReason is null || SqliteFileChecks.FreeBytes(_path) >= SqliteFileChecks.MinFreeBytes))
        {
            Health.CommitSucceeded();
        }
        // Before any caller hears OK: a read that starts after that must not be served from a cache filled earlier.
        Interlocked.Increment(ref _generation);
        batch.ForEach(w => w.Complete());
    }

    /// <summary>Fails every write of the batch; <paramref name="cause"/>, when given, is what the health report names.</summary>
    private void FailBatch(List<IWrite> batch, Exception error, Exception? cause)
    {
        if (cause is not null)
        {
            Health.CommitFailed(cause.Message, batch.Count);
        }
        batch.ForEach(w => w.Fail(w.Failed ?? error));
    }

    /// <summary>Runs one write in its savepoint; returns what broke the surrounding transaction, or null while it is usable.</summary>
    private SqliteException? RunOne(IWrite write)
    {
        try
        {
            _savepoint.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            return e;
        }
        var mark = AuditTail.Mark;
        bool keep;
        try
        {
            keep = write.Run(_connection);
        }
        catch (Exception e)
        {
            write.Fail(e);
            keep = false;
        }
        try
        {
            if (!keep)
            {
                AuditTail.Restore(mark);
                _rollbackToSavepoint.ExecuteNonQuery();
            }
            _release.ExecuteNonQuery();
            return null;
        }
        catch (SqliteException e)
        {
            return e;
        }
    }

    private void TryRollback()
    {
        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
            {
                _rollback.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite itself.
        }
    }

    private interface IWrite
    {
        Exception? Failed { get; }

        bool Probe { get; }

        bool Run(SqliteConnection connection);

        void Complete();

        void Fail(Exception error);
    }

    private sealed class Write<T>(Func<SqliteConnection, T> work, Func<T, bool>? keep) : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IWrite
    {
        private T? _result;

        public Exception? Failed { get; private set; }

        public bool Probe { get; init; }

        public bool Run(SqliteConnection connection)
        {
            _result = work(connection);
            return keep?.Invoke(_result) ?? true;
        }

        public void Complete()
        {
            if (Failed is null)
            {
                TrySetResult(_result!);
            }
        }

        public void Fail(Exception error)
        {
            Failed ??= error;
            TrySetException(Failed);
        }
    }
}
