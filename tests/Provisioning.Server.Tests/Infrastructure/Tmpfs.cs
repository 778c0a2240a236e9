using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>
/// A small tmpfs of its own, for a disk that fills up. Mounting needs root (or password-less sudo): without it the calling
/// test is skipped with the reason, locally; under CI=true it fails, as a missing PostgreSQL does.
/// </summary>
public sealed class Tmpfs : IAsyncDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static async Task<Tmpfs> MountAsync(string size)
    {
        var path = Directory.CreateTempSubdirectory("provisioning-tmpfs-").FullName;
        var (code, output) = await AsRootAsync("mount", "-t", "tmpfs", "-o", $"size={size},mode=1777", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            var reason = $"cannot mount a {size} tmpfs for a disk that fills up ({output.Trim()}): these tests need root or password-less sudo";
            if (TestPostgres.InCi)
            {
                throw new InvalidOperationException(reason + "; under CI=true they must run");
            }
            Skip.If(true, reason);
        }
        return new Tmpfs(path);
    }

    /// <summary>Writes <paramref name="bytes"/> bytes to a new file, or until the file system is full when null; returns its path.</summary>
    public string Fill(string name, long? bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        var block = new byte[64 * 1024];
        Random.Shared.NextBytes(block);
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            for (var written = 0L; bytes is null || written < bytes; written += block.Length)
            {
                stream.Write(block, 0, (int)Math.Min(block.Length, (bytes ?? long.MaxValue) - written));
                stream.Flush();
            }
        }
        catch (IOException) when (bytes is null)
        {
            // Full: what the caller asked for.
        }
        return file;
    }

    /// <summary>Makes the whole file system read-only (nothing may have a file open for writing on it).</summary>
    public async Task RemountReadOnlyAsync()
    {
        var (code, output) = await AsRootAsync("mount", "-o", "remount,ro", Path);
        Assert.True(code == 0, output);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Lazily: a process killed a moment ago may still hold a file open.
        await AsRootAsync("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    /// <summary>Runs a mount command directly as root, else through sudo without a password prompt (a CI runner's way).</summary>
    private static Task<(int ExitCode, string Output)> AsRootAsync(string command, params string[] arguments) =>
        Environment.UserName == "root"
            ? ExternalProgram.RunAsync(command, arguments, TimeSpan.FromSeconds(30))
            : ExternalProgram.RunAsync("sudo", ["-n", command, .. arguments], TimeSpan.FromSeconds(30));
}
