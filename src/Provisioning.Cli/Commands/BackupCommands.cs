using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
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
            if (File.Exists(target))
            {
                if (!parse.GetValue(force))
                {
                    throw new UsageException($"{target} exists; give --force to replace it");
                }
                File.Delete(target);
            }
            var bytes = await sqlite.BackupAsync(target, ct);
            await session.Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"Wrote a consistent copy of {sqlite.FilePath} to {target} ({bytes:N0} bytes)."));
            return ExitCodes.Ok;
        });
        // Said before any connection is tried: PostgreSQL has its own tools, and a wrong host is beside the point.
        var copy = command.Action!;
        command.SetAction(async (parse, ct) =>
        {
            if (!string.Equals(context.Settings.Storage.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                await context.Console.Error.WriteLineAsync("error: backup copies a SQLite database; for PostgreSQL use pg_dump (pg_dump -Fc -f provisioning.dump …) and pg_restore");
                return ExitCodes.Usage;
            }
            return await ((AsynchronousCommandLineAction)copy).InvokeAsync(parse, ct);
        });
        return command;
    }
}
