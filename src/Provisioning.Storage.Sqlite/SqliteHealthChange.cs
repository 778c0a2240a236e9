namespace Provisioning.Storage.Sqlite;

/// <summary>What changed in the SQLite store's ability to commit.</summary>
public enum SqliteHealthChange
{
    /// <summary>The file on disk is no longer the open database; no write is accepted again until a restart.</summary>
    FileLost,

    /// <summary>A commit failed (disk full, read-only, I/O error): the start of an episode.</summary>
    CommitsFailing,

    /// <summary>A commit succeeded after an episode of failed ones.</summary>
    CommitsRecovered,
}
