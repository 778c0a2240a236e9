using Provisioning.Hosting;

namespace Provisioning.Cli.Tests;

/// <summary>--help lists the commands and every setting with its default; --version the build. Both exit 0.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_Root_ExitsZeroListingCommandsAndEverySetting()
    {
        var (code, output) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("init", output, StringComparison.Ordinal);
        Assert.Matches(@"Provisioning:Storage:Provider\s+Sqlite", output);
        Assert.Matches(@"Provisioning:Management:Port\s+\(PortRangeStart \+ 80", output);
        Assert.All(SettingsHelp.Rows(ProvisioningSettings.Section, new ProvisioningSettings()), row => Assert.Contains(row.Name, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_Subcommand_ShowsItsOwnHelpWithoutTheSettings()
    {
        var (code, output) = await RunAsync("import", "extensions", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--dry-run", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Provisioning:Storage:Provider", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_ExitsZeroPrintingTheInformationalVersion()
    {
        var (code, output) = await RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, Interactive: false), CancellationToken.None);
        return (code, output.ToString() + error);
    }
}
