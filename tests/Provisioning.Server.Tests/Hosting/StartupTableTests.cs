using System.Net;
using System.Net.Sockets;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Hosting;

/// <summary>
/// Every way a start fails ends alike: exactly one line on standard error, "provisioning: cannot start: …", naming the
/// setting or the path to fix; a non-zero exit; no stack trace. The real server runs as a process for each row.
/// </summary>
public sealed class StartupTableTests
{
    [Theory]
    [InlineData("Provisioning:PortRangeStart", "70000", "Provisioning:PortRangeStart must be")]
    [InlineData("Provisioning:PortRangeStart", "65534", "Provisioning:PortRangeStart must be at most 65532")]
    [InlineData("Provisioning:PortRangeStart", "-1", "Provisioning:PortRangeStart must be")]
    [InlineData("Provisioning:PortRangeStart", "seven", "'Provisioning:PortRangeStart'")]
    [InlineData("Provisioning:Management:Port", "65536", "Provisioning:Management:Port must be")]
    [InlineData("Provisioning:Versions", "2,4", "Provisioning:Versions")]
    [InlineData("Provisioning:MaxListResults", "0", "Provisioning:MaxListResults must be positive, was 0")]
    [InlineData("Provisioning:Limits:MaxRequestBytes", "-1", "Provisioning:Limits:MaxRequestBytes must be positive, was -1")]
    [InlineData("Provisioning:Limits:MaxXmlDepth", "0", "Provisioning:Limits:MaxXmlDepth must be positive, was 0")]
    [InlineData("Provisioning:Limits:RequestHeadersTimeout", "-00:00:01", "Provisioning:Limits:RequestHeadersTimeout must be a positive time")]
    [InlineData("Provisioning:Tokens:IdleTimeout", "00:00:00", "Provisioning:Tokens:IdleTimeout must be a positive time")]
    [InlineData("Provisioning:Security:PasswordHashIterations", "-5", "Provisioning:Security:PasswordHashIterations must be positive, was -5")]
    [InlineData("Provisioning:Security:LockoutThreshold", "0", "Provisioning:Security:LockoutThreshold must be positive, was 0")]
    [InlineData("Provisioning:Storage:Provider", "Oracle", "Provisioning:Storage:Provider 'Oracle'")]
    [InlineData("Provisioning:Storage:ConnectionString", "Colour=blue", "Provisioning:Storage:ConnectionString")]
    public async Task Start_BadSetting_OneLineNamingItAndNonZeroExit(string setting, string value, string expected)
    {
        await AssertRefusedAsync([new(setting, value)], expected);
    }

    // Broken SQLite paths are SQLite's whatever store the rest of the suite runs on (PROVISIONING_TEST_STORE).
    private static readonly KeyValuePair<string, string?> Sqlite = new("Provisioning:Storage:Provider", "Sqlite");

    [Fact]
    public async Task Start_DatabaseDirectoryIsAFile_OneLineNamingThePath()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-start-").FullName;
        var file = Path.Combine(directory, "not-a-directory");
        await File.WriteAllTextAsync(file, "");

        await AssertRefusedAsync([Sqlite, new("Provisioning:Storage:ConnectionString", $"Data Source={file}/provisioning.db")], file, directory);
    }

    [Fact]
    public async Task Start_WalWithoutItsDatabase_RefusedRatherThanStartingEmpty()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-start-").FullName;
        var database = Path.Combine(directory, "provisioning.db");
        await File.WriteAllBytesAsync(database + "-wal", new byte[4096]);

        await AssertRefusedAsync([Sqlite, new("Provisioning:Storage:ConnectionString", $"Data Source={database}")], $"the SQLite file {database} is missing but {database}-wal is there", directory);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Start_ManagementPortInUse_OneLineNamingTheSettingWithoutKestrelsTrace()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;

        await AssertRefusedAsync([new("Provisioning:Management:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))], $"Provisioning:Management:Port is port {port}");
    }

    [Fact]
    public async Task Start_DebugSetting_AddsTheStackTraceAfterTheLine()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-start-").FullName;

        var run = await ServerRun.RunAsync(directory, [new("Provisioning:Limits:MaxXmlDepth", "0"), new("Provisioning:Debug:StartupStackTraces", "true")]);

        Assert.StartsWith("provisioning: cannot start: Provisioning:Limits:MaxXmlDepth", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("at Provisioning.", StringComparison.Ordinal));
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>The start is refused with one line containing <paramref name="expected"/>; the folder is removed afterwards.</summary>
    internal static async Task AssertRefusedAsync(KeyValuePair<string, string?>[] settings, string expected, string? directory = null)
    {
        directory ??= Directory.CreateTempSubdirectory("provisioning-start-").FullName;
        try
        {
            var run = await ServerRun.RunAsync(directory, settings);

            Assert.True(run.ExitCode is not 0 and not -1, run.ToString());
            var line = Assert.Single(run.ErrorLines);
            Assert.StartsWith("provisioning: cannot start: ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
