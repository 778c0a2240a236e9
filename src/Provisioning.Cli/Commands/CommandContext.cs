using System.CommandLine;
using Provisioning.Hosting;

namespace Provisioning.Cli.Commands;

/// <summary>What every command needs to run: the settings and the console; <see cref="SetAction"/> opens a session per run.</summary>
public sealed class CommandContext(ProvisioningSettings settings, CliConsole console)
{
    public CliConsole Console => console;

    public ProvisioningSettings Settings => settings;

    /// <summary>
    /// Runs <paramref name="body"/> with a session named after the command; unless <paramref name="anySchema"/>, the database
    /// must be initialised. Usage problems raised inside become exit code 2.
    /// </summary>
    public void SetAction(Command command, Func<CliSession, ParseResult, CancellationToken, Task<int>> body, bool anySchema = false)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = string.Join(' ', Names(command).Reverse());
            try
            {
                await using var session = await CliSession.OpenAsync(settings, console, name, anySchema, cancellationToken);
                return await body(session, parse, cancellationToken);
            }
            catch (UsageException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }
        });
    }

    private static IEnumerable<string> Names(Command command)
    {
        for (Symbol? symbol = command; symbol is Command { } c and not RootCommand; symbol = c.Parents.FirstOrDefault())
        {
            yield return c.Name;
        }
    }
}
