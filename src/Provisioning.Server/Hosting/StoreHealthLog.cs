using Provisioning.Storage.Sqlite;

namespace Provisioning.Server.Hosting;

/// <summary>The SQLite store's health changes as log lines: one when an episode starts, one with its count when it ends.</summary>
internal static class StoreHealthLog
{
    public static void Write(ILogger logger, SqliteHealthEvent health)
    {
        switch (health.Change)
        {
            case SqliteHealthChange.FileLost:
                Log.DatabaseFileLost(logger, health.Reason);
                break;
            case SqliteHealthChange.CommitsFailing:
                Log.CommitsFailing(logger, health.Reason);
                break;
            case SqliteHealthChange.CommitsRecovered:
                Log.CommitsRecovered(logger, health.FailedWrites, health.Reason);
                break;
        }
    }
}
