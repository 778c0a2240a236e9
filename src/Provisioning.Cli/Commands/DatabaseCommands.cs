using System.CommandLine;
using System.Globalization;
using Provisioning.Cli.Output;
using Provisioning.Hosting;

namespace Provisioning.Cli.Commands;

/// <summary>init (create or migrate the database, bootstrap it as the server does) and status.</summary>
internal static class DatabaseCommands
{
    public static Command Init(CommandContext context)
    {
        var command = new Command("init", "Create or migrate the database and bootstrap an empty one as the server does (environment 0000 and its administrator)");
        context.SetAction(command, async (session, parse, ct) =>
        {
            var init = await StoreInitializer.InitializeAsync(session.Store, session.Bootstrapper, session.Settings, session.Caller, ct);
            var output = session.Console.Out;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Database ready at schema version {init.SchemaVersion}: {session.Location.Description}."));
            if (init.Bootstrap.Created)
            {
                await output.WriteLineAsync($"Created environment 0000 and System Administrator '{session.Settings.Bootstrap.AdminLogin}'.");
            }
            if (init.PasswordFile is { } file)
            {
                await output.WriteLineAsync($"The generated password of '{session.Settings.Bootstrap.AdminLogin}' is in {file} (readable only by you).");
            }
            return ExitCodes.Ok;
        }, anySchema: true);
        return command;
    }

    public static Command Status(CommandContext context)
    {
        var json = Options.Json();
        var command = new Command("status", "Schema version and what each environment holds") { json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var status = await session.Status.GetAsync(session.Caller, ct);
            if (!status.IsOk)
            {
                return session.Fail(status.ToResult());
            }
            var environments = status.Value.Environments.Select(Views.Counts).ToArray();
            if (parse.GetValue(json))
            {
                var view = new View
                {
                    ["provider"] = session.Settings.Storage.Provider,
                    ["database"] = session.Location.Description,
                    ["schemaVersion"] = status.Value.SchemaVersion,
                    ["latestSchemaVersion"] = status.Value.LatestSchemaVersion,
                    ["environments"] = environments,
                };
                await session.Console.Out.WriteLineAsync(Printer.ToJson(view));
                return ExitCodes.Ok;
            }
            await session.Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Storage {session.Settings.Storage.Provider} at {session.Location.Description}, schema version {status.Value.SchemaVersion} (this tool: {status.Value.LatestSchemaVersion})"));
            new Printer(session.Console).List(environments, json: false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
