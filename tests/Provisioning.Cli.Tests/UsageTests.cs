using Provisioning.Cli.Tests.Infrastructure;

namespace Provisioning.Cli.Tests;

/// <summary>Usage and configuration errors: exit code 2, the reason on standard error, nothing done.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("users", "show", "0000")]
    [InlineData("import", "extensions", "x.csv", "--on-error", "maybe")]
    [InlineData("import", "extensions", "x.csv", "--batch-size", "0")]
    [InlineData("extensions", "create", "0000", "+49", "--voice", "perhaps")]
    public async Task BadCommandLine_ExitsTwoWithTheReasonOnStandardError(params string[] args)
    {
        await using var db = await CliDatabase.CreateAsync();

        var result = await db.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownStorageProvider_ExitsTwo()
    {
        await using var db = await CliDatabase.CreateAsync();

        var result = await db.RunAsync("--Provisioning:Storage:Provider=Oracle", "status");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Oracle", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFile_UnknownColumnOrMissing_ExitsTwoAndImportsNothing()
    {
        await using var db = await CliDatabase.CreateAsync();
        var typo = db.PathOf("typo.csv");
        await File.WriteAllTextAsync(typo, "eid,extension,voise\n0000,+4930,true\n");

        var unknown = await db.RunAsync("import", "extensions", typo);
        var missing = await db.RunAsync("import", "extensions", db.PathOf("missing.csv"));

        Assert.Equal((2, 2), (unknown.ExitCode, missing.ExitCode));
        Assert.Contains("unknown column(s) voise", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await db.RunOkAsync("status", "--json")).Json().GetProperty("environments")[0].GetProperty("extensions").GetInt32());
    }

    [Fact]
    public async Task Help_ExitsZeroAndNamesTheCommands()
    {
        await using var db = await CliDatabase.CreateAsync();

        var help = await db.RunOkAsync("--help");

        foreach (var command in new[] { "init", "status", "environments", "users", "extensions", "tokens", "import", "export", "audit" })
        {
            Assert.Contains(command, help.Out, StringComparison.Ordinal);
        }
    }
}
