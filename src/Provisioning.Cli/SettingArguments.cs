namespace Provisioning.Cli;

/// <summary>
/// Splits the arguments into configuration settings (--Provisioning:Key=value or --Provisioning:Key value, as the server
/// takes them) and the rest, which is the command line proper.
/// </summary>
public static class SettingArguments
{
    private const string Prefix = "--Provisioning:";

    public static (string[] Settings, string[] Command) Split(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                command.Add(arg);
                continue;
            }
            if (arg.Contains('=', StringComparison.Ordinal))
            {
                settings.Add(arg);
            }
            else if (i + 1 < args.Count)
            {
                settings.Add($"{arg}={args[++i]}");
            }
            else
            {
                throw new UsageException($"The setting {arg} has no value: write {arg}=value.");
            }
        }
        return (settings.ToArray(), command.ToArray());
    }
}
