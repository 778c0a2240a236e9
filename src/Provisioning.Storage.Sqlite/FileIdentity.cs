using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// Whether the path still names the database file the writer has open. A deleted, replaced or moved file keeps
/// accepting writes through the open descriptor, and every one of them is lost when the process ends, so the writer
/// asks before each commit. SQLite answers for the main file (SQLITE_FCNTL_HAS_MOVED compares the path's inode with
/// the open file's); the -wal and -shm exist as long as a connection has the database open in WAL mode, so their
/// absence means they were deleted.
/// </summary>
internal static partial class FileIdentity
{
    private const int HasMoved = 20;

    /// <summary>Why the files on disk are no longer the open database, or null while they are.</summary>
    public static string? Lost(SqliteConnection connection, string path)
    {
        var moved = 0;
        var rc = NativeMethods.FileControl(connection.Handle!.DangerousGetHandle(), "main", HasMoved, ref moved);
        if (rc == 0 && moved != 0)
        {
            return $"the database file {path} was deleted, replaced or moved while the server had it open";
        }
        foreach (var suffix in (ReadOnlySpan<string>)["-wal", "-shm"])
        {
            if (!File.Exists(path + suffix))
            {
                return $"{path}{suffix} was deleted while the server had the database open";
            }
        }
        return null;
    }

    private static partial class NativeMethods
    {
        // The library Microsoft.Data.Sqlite loads (SQLitePCLRaw's bundle); SQLitePCLRaw 2.1 does not expose file controls.
        [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_file_control", StringMarshalling = StringMarshalling.Utf8)]
        public static partial int FileControl(IntPtr db, string name, int op, ref int arg);
    }
}
