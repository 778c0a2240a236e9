using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Provisioning.Hosting;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Cli.Commands;

/// <summary>backup FILE: a consistent copy of a SQLite database, also while the server writes to it.</summary>
internal static class BackupCommands
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "Where to write the copy (a SQLite database file of its own)" };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var command = new Command("backup", "Copy the SQLite database consistently while it is in use (for PostgreSQL use pg_dump)") { file, force };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var sqlite = (SqliteProvisioningStore)session.Store;
            var target = Path.GetFullPath(parse.GetValue(file)!);
            if (IsPartOf(target, Path.GetFullPath(sqlite.FilePath)))
            {
                throw new UsageException($"{target} is the database itself (or its -wal, -shm or -journal); write the copy elsewhere");
            }
            if (File.Exists(target))
            {
                if (!parse.GetValue(force))
                {
                    throw new UsageException($"{target} exists; give --force to replace it");
                }
                File.Delete(target);
            }
            CreatePrivate(target);
            var bytes = await sqlite.BackupAsync(target, ct);
            await session.Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"Wrote a consistent copy of {sqlite.FilePath} to {target} ({bytes:N0} bytes)."));
            return ExitCodes.Ok;
        });
        // Said before any connection is tried: PostgreSQL has its own tools, and a wrong host is beside the point.
        var copy = command.Action!;
        command.SetAction(async (parse, ct) =>
        {
            if (!StoreFactory.IsSqlite(context.Settings.Storage))
            {
                await context.Console.Error.WriteLineAsync("error: backup copies a SQLite database; for PostgreSQL use pg_dump (pg_dump -Fc -f provisioning.dump …) and pg_restore");
                return ExitCodes.Usage;
            }
            return await ((AsynchronousCommandLineAction)copy).InvokeAsync(parse, ct);
        });
        return command;
    }

    private static readonly string[] DatabaseFiles = ["", "-wal", "-shm", "-journal"];

    private static bool IsPartOf(string target, string database) =>
        DatabaseFiles.Any(suffix => string.Equals(target, database + suffix, StringComparison.Ordinal));

    /// <summary>
    /// The copy holds password and token hashes: created empty and readable by its owner only before SQLite fills it
    /// (VACUUM INTO takes an empty file), so it is never readable by others, not even for a moment.
    /// </summary>
    private static void CreatePrivate(string target)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var created = new FileStream(target, options);
    }
}
