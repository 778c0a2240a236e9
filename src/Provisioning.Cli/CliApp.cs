using System.CommandLine;
using System.CommandLine.Help;
using Provisioning.Cli.Commands;
using Provisioning.Hosting;

namespace Provisioning.Cli;

/// <summary>The entry point: settings apart, the command tree parsed, the chosen command run, and its exit code.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var (settingArgs, commandArgs) = SettingArguments.Split(args);
            var settings = ProvisioningSettings.From(ProvisioningConfiguration.Build(settingArgs));
            Validate(settings);
            var root = BuildRoot(new CommandContext(settings, console));
            var parsed = root.Parse(commandArgs);
            if (parsed.Errors.Count > 0 && parsed.Action is not (HelpAction or SettingsHelpAction))
            {
                foreach (var error in parsed.Errors)
                {
                    await console.Error.WriteLineAsync($"error: {error.Message}");
                }
                await console.Error.WriteLineAsync("See 'provisioning --help'.");
                return ExitCodes.Usage;
            }
            var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (InvalidOperationException e) when (e.Source?.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal) == true)
        {
            await console.Error.WriteLineAsync($"error: the configuration cannot be read: {e.Message}");
            return ExitCodes.Usage;
        }
    }

    private static void Validate(ProvisioningSettings settings)
    {
        try
        {
            SettingsValidation.Validate(settings);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static RootCommand BuildRoot(CommandContext context)
    {
        var root = new RootCommand("Administers a Provisioning API database (the server's, SQLite or PostgreSQL), also while the server runs.")
        {
            DatabaseCommands.Init(context),
            DatabaseCommands.Status(context),
            EnvironmentCommands.Create(context),
            UserCommands.Create(context),
            ExtensionCommands.Create(context),
            TokenCommands.Create(context),
            RecorderCommands.Create(context),
            StorageCommands.Create(context),
            ScimCommands.Create(context),
            ImportCommands.Create(context),
            ExportCommands.Create(context),
            AuditCommands.Create(context),
            BackupCommands.Create(context),
        };
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new SettingsHelpAction((HelpAction)help.Action!);
        return root;
    }
}
