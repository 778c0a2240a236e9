namespace Provisioning.Storage.Sqlite;

/// <summary>
/// What is checked before the database file is opened, so a start that cannot work stops with one line naming the path
/// instead of an empty database beside a stray WAL, a SQLite error without a path, or SIGBUS from the -shm mapping on a
/// full disk.
/// </summary>
internal static class SqliteFileChecks
{
    /// <summary>Below this, the -shm and the first WAL frames may not fit: SQLite maps the -shm, and a full disk kills the process.</summary>
    public const long MinFreeBytes = 1024 * 1024;

    public static void BeforeOpen(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!File.Exists(path))
        {
            foreach (var suffix in (ReadOnlySpan<string>)["-wal", "-shm"])
            {
                if (File.Exists(path + suffix))
                {
                    throw new InvalidOperationException(
                        $"the SQLite file {path} is missing but {path}{suffix} is there: restore the database file it belongs to, or remove {path}-wal and {path}-shm to start with an empty database");
                }
            }
        }
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"the directory {directory} of the SQLite file {path} does not exist");
        }
        CheckWritable(path, directory);
        var free = FreeBytes(path);
        if (free < MinFreeBytes)
        {
            throw new InvalidOperationException(
                $"the file system of the SQLite file {path} is full ({free} bytes free, at least {MinFreeBytes} needed)");
        }
    }

    /// <summary>The space left to this process on the file system of <paramref name="path"/>.</summary>
    public static long FreeBytes(string path) => new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace;

    private static void CheckWritable(string path, string directory)
    {
        try
        {
            if (File.Exists(path))
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            var probe = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.write-check");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"the SQLite file {path} cannot be written: {e.Message}", e);
        }
    }
}
