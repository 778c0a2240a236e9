using System.CommandLine;

namespace Provisioning.Cli.Commands;

/// <summary>Options and arguments that several commands share.</summary>
internal static class Options
{
    public static Option<bool> Json() => new("--json") { Description = "Write JSON instead of a table" };

    public static Argument<string> Eid() => new("eid") { Description = "The environment's eid (4 characters)" };

    public static Argument<string> Login() => new("login") { Description = "The user's login name" };

    public static Argument<string> Address() => new("extension") { Description = "The extension: phone number, SIP address or platform id" };

    public static Option<string?> EidFilter() => new("--eid") { Description = "Only this environment" };
}
