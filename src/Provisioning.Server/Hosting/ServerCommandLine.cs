using System.Reflection;
using Provisioning.Hosting;

namespace Provisioning.Server.Hosting;

/// <summary>--help and --version: answered before anything is configured, opened or bound.</summary>
public static class ServerCommandLine
{
    /// <summary>The exit code when the arguments ask for help or the version (after printing it); null to start the server.</summary>
    public static int? Answer(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Any(a => a is "--version"))
        {
            output.WriteLine(Version);
            return 0;
        }
        if (!args.Any(a => a is "--help" or "-h" or "-?"))
        {
            return null;
        }
        output.WriteLine($"Provisioning API server {Version}");
        output.WriteLine();
        output.WriteLine("Usage: Provisioning.Server [--Provisioning:Setting=value ...]");
        output.WriteLine("       dotnet run --project src/Provisioning.Server [-- --Provisioning:Setting=value ...]");
        output.WriteLine();
        output.WriteLine("Serves the Provisioning API (SOAP) on one port per version until stopped (Ctrl+C, SIGTERM).");
        output.WriteLine("A relative SQLite file is relative to the working directory; the database's location is logged at start.");
        output.WriteLine();
        SettingsHelp.Write(output);
        return 0;
    }

    public static string Version { get; } =
        typeof(ServerCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
