using Provisioning.Server.Hosting;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Hosting;

/// <summary>--help and --version answer and exit 0 without starting anything.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_AsProcess_ExitsZeroListingEverySettingAndStartsNothing()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-help-").FullName;
        try
        {
            var (exitCode, output) = await ExternalProgram.RunAsync(
                "dotnet", [Path.Combine(AppContext.BaseDirectory, "Provisioning.Server.dll"), "--help"], TimeSpan.FromMinutes(1), directory);

            Assert.True(exitCode == 0, output);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
            Assert.Matches(@"Provisioning:PortRangeStart\s+7000", output);
            Assert.Matches(@"Provisioning:Management:Port\s+\(PortRangeStart \+ 80", output);
            Assert.Matches(@"Provisioning:Bootstrap:PasswordFile\s+\(initial-admin-password", output);
            Assert.Matches(@"Provisioning:Tokens:MaxLifetime\s+1\.00:00:00", output);
            Assert.Empty(Directory.GetFileSystemEntries(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Version_PrintsTheInformationalVersionAndExitsZero()
    {
        using var output = new StringWriter();

        var exitCode = ServerCommandLine.Answer(["--version"], output);

        Assert.Equal(0, exitCode);
        Assert.Equal(ServerCommandLine.Version, output.ToString().Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", ServerCommandLine.Version);
    }

    [Fact]
    public void Answer_SettingsOnly_StartsTheServer()
    {
        using var output = new StringWriter();

        Assert.Null(ServerCommandLine.Answer(["--Provisioning:Versions=2"], output));
        Assert.Empty(output.ToString());
    }
}
