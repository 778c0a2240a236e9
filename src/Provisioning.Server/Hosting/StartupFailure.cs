using Microsoft.AspNetCore.Connections;

namespace Provisioning.Server.Hosting;

/// <summary>
/// The one line a failed start ends with: "provisioning: cannot start: …" and the reason, naming the setting or path.
/// A stack trace follows only when Provisioning:Debug:StartupStackTraces is true (environment or command line).
/// </summary>
public static class StartupFailure
{
    public const string DebugSetting = "Provisioning:Debug:StartupStackTraces";

    public static string Describe(Exception error, string[] args)
    {
        var line = "provisioning: cannot start: " + Reason(error);
        return WantsStackTrace(args) ? line + Environment.NewLine + error : line;
    }

    private static string Reason(Exception error) => error switch
    {
        IOException { InnerException: AddressInUseException } e => e.Message + " (Provisioning:PortRangeStart or Provisioning:Management:Port)",
        // Exceptions the code above does not expect: their type says more than a bare message.
        InvalidOperationException or IOException or ArgumentException => OneLine(error.Message),
        _ => $"{error.GetType().Name}: {OneLine(error.Message)}",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static bool WantsStackTrace(string[] args)
    {
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
            return configuration.GetValue<bool>(DebugSetting);
        }
#pragma warning disable CA1031 // A setting that cannot be read asks for nothing.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
