using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Provisioning.Hosting;

namespace Provisioning.Cli;

/// <summary>The usual help, and under the root command's help every setting with its default.</summary>
internal sealed class SettingsHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        if (parseResult.CommandResult.Command is RootCommand)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine();
            SettingsHelp.Write(output);
        }
        return code;
    }
}
