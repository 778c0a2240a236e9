using Provisioning.Cli.Tests.Infrastructure;

namespace Provisioning.Cli.Tests;

/// <summary>The done criteria of the issue: 100,000 extensions import, re-import unchanged, and round-trip through export.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public async Task Import100000_AllCreated_ReimportUnchanged_AndExportImportExportIsIdentical()
    {
        await using var first = await CliDatabase.CreateAsync();
        await using var second = await CliDatabase.CreateAsync();
        foreach (var db in new[] { first, second })
        {
            await db.RunOkAsync("users", "create", "0000", "erin");
        }
        var file = ExtensionFiles.Write(first.PathOf("extensions.csv"), 100_000, user: "erin");

        var imported = await first.RunOkAsync("import", "extensions", file);
        var again = await first.RunOkAsync("import", "extensions", file);
        await first.RunOkAsync("export", "extensions", first.PathOf("export-1.csv"));
        await second.RunOkAsync("import", "extensions", first.PathOf("export-1.csv"));
        await second.RunOkAsync("export", "extensions", second.PathOf("export-2.csv"));

        Assert.Contains("100000 created, 0 updated, 0 unchanged, 0 rejected", imported.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing changed: all 100000 rows are already as the file says", again.Out, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(first.PathOf("export-1.csv")), await File.ReadAllBytesAsync(second.PathOf("export-2.csv")));
        Assert.Equal(100_001, (await File.ReadAllLinesAsync(first.PathOf("export-1.csv"))).Length);
    }

    [Fact]
    public async Task UsersWithTheirExtensions_ExportImportExport_IsIdenticalAndReimportIsUnchanged()
    {
        await using var first = await CliDatabase.CreateAsync();
        await using var second = await CliDatabase.CreateAsync();
        await first.RunOkAsync("users", "create", "0000", "frank", "--display-name", "Frank, \"the\" tank", "--role", "Agent", "--role", "Administrator");
        await first.RunOkAsync("users", "create", "0000", "gina", "--locked", "true");
        await first.RunOkAsync("extensions", "create", "0000", "+4930333", "--user", "frank", "--recording-mode", "CONTROLLED");
        await first.RunOkAsync("extensions", "create", "0000", "frank@sip.example", "--user", "frank");

        await first.RunOkAsync("export", "users", first.PathOf("users-1.csv"));
        var imported = await second.RunOkAsync("import", "users", first.PathOf("users-1.csv"));
        var again = await second.RunOkAsync("import", "users", first.PathOf("users-1.csv"));
        await second.RunOkAsync("export", "users", second.PathOf("users-2.csv"));

        Assert.Contains("2 created, 0 updated, 1 unchanged, 0 rejected", imported.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing changed", again.Out, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(first.PathOf("users-1.csv")), await File.ReadAllTextAsync(second.PathOf("users-2.csv")));
        var frank = (await second.RunOkAsync("users", "show", "0000", "frank", "--json")).Json();
        Assert.Equal(["+4930333", "frank@sip.example"], frank.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
    }
}
