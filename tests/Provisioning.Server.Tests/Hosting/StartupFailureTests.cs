using System.Net;
using System.Net.Sockets;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Hosting;

/// <summary>A PostgreSQL store that cannot be used stops the start with one clear line and exit code 1, no stack trace.</summary>
public sealed class StartupFailureTests
{
    private const string Password = "never-shown-pw";

    [Fact]
    public async Task Start_PostgresUnreachable_ExitsWithOneLineNamingHostPortAndDatabaseButNotThePassword()
    {
        var port = ClosedPort();

        var (exitCode, output) = await RunServerAsync("Postgres", $"Host=127.0.0.1;Port={port};Database=nowhere;Username=someone;Password={Password}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("provisioning: cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}/nowhere", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Start_PostgresWithoutConnectionString_ExitsWithOneLineSayingSo(string connectionString)
    {
        var (exitCode, output) = await RunServerAsync("Postgres", connectionString);

        Assert.Equal(1, exitCode);
        Assert.Equal("provisioning: cannot start: Provisioning:Storage:ConnectionString is empty: name the PostgreSQL database (Host=…;Database=…;Username=…;Password=…) to use.", output.Trim());
    }

    private static async Task<(int ExitCode, string Output)> RunServerAsync(string provider, string connectionString)
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-start-").FullName;
        try
        {
            return await ExternalProgram.RunAsync(
                "dotnet",
                [Path.Combine(AppContext.BaseDirectory, "Provisioning.Server.dll"), "--Provisioning:PortRangeStart=0",
                    $"--Provisioning:Storage:Provider={provider}", $"--Provisioning:Storage:ConnectionString={connectionString}"],
                TimeSpan.FromMinutes(1),
                directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A loopback port that nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
