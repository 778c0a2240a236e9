using System.Text.Json;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Observability;

/// <summary>The console log format an operator chooses in configuration is the one the server writes.</summary>
public sealed class ConsoleLogTests
{
    [Fact]
    public async Task Start_JsonFormatterConfigured_WritesJsonLinesWithEventIds()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-jsonlog-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
            {
                ["Logging:Console:FormatterName"] = "json",
                ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
            });

            var listening = server.Output.Split('\n').Single(line => line.Contains("API version 2 listening on", StringComparison.Ordinal));
            using var entry = JsonDocument.Parse(listening);
            Assert.True(entry.RootElement.TryGetProperty("EventId", out _), listening);
            Assert.Equal("Information", entry.RootElement.GetProperty("LogLevel").GetString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
