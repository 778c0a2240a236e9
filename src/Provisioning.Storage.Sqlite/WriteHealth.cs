namespace Provisioning.Storage.Sqlite;

/// <summary>
/// The outcome of the writer's commits, shared with readiness: a lost file (sticky), or the first failure of an episode
/// of failed commits and how many writes it refused, until a commit succeeds again.
/// </summary>
internal sealed class WriteHealth
{
    private readonly Lock _lock = new();
    private string? _lost;
    private string? _failing;
    private long _failedWrites;

    public Action<SqliteHealthEvent>? Observer { get; set; }

    /// <summary>Why the database file is gone, once the writer noticed; it stays so.</summary>
    public string? Lost
    {
        get
        {
            lock (_lock)
            {
                return _lost;
            }
        }
    }

    /// <summary>Why the store should not be sent traffic now, or null while the last commit succeeded.</summary>
    public string? NotReadyReason
    {
        get
        {
            lock (_lock)
            {
                return _lost ?? _failing;
            }
        }
    }

    public void MarkLost(string reason)
    {
        lock (_lock)
        {
            if (_lost is not null)
            {
                return;
            }
            _lost = reason;
        }
        Observer?.Invoke(new SqliteHealthEvent(SqliteHealthChange.FileLost, reason, 0));
    }

    public void CommitFailed(string reason, int writes)
    {
        bool first;
        lock (_lock)
        {
            first = _failing is null;
            _failing ??= reason;
            _failedWrites += writes;
        }
        if (first)
        {
            Observer?.Invoke(new SqliteHealthEvent(SqliteHealthChange.CommitsFailing, reason, writes));
        }
    }

    public void CommitSucceeded()
    {
        string reason;
        long failed;
        lock (_lock)
        {
            if (_failing is null)
            {
                return;
            }
            (reason, failed) = (_failing, _failedWrites);
            (_failing, _failedWrites) = (null, 0);
        }
        Observer?.Invoke(new SqliteHealthEvent(SqliteHealthChange.CommitsRecovered, reason, failed));
    }
}
