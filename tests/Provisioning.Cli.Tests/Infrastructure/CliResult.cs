using System.Text.Json;

namespace Provisioning.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool did: its exit code and what it wrote to standard output and standard error.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json() => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}
