using Provisioning.Cli.Tests.Infrastructure;
using Provisioning.Tests.Shared;

namespace Provisioning.Cli.Tests;

/// <summary>The sample files the README points to import cleanly into a new database, in the order it gives.</summary>
public sealed class SampleFileTests
{
    [Fact]
    public async Task Import_TheSampleFilesAfterInit_AcceptsEveryRowAndAgainChangesNothing()
    {
        await using var db = await CliDatabase.CreateAsync();
        var users = Path.Combine(RepoPaths.Root, "samples", "users.csv");
        var extensions = Path.Combine(RepoPaths.Root, "samples", "extensions.csv");

        var usersImported = await db.RunOkAsync("import", "users", users);
        var extensionsImported = await db.RunOkAsync("import", "extensions", extensions);
        var again = await db.RunOkAsync("import", "extensions", extensions);

        Assert.Contains($"Imported {(await File.ReadAllLinesAsync(users)).Length - 1} rows", usersImported.Out, StringComparison.Ordinal);
        Assert.Contains($"Imported {(await File.ReadAllLinesAsync(extensions)).Length - 1} rows", extensionsImported.Out, StringComparison.Ordinal);
        Assert.Contains(", 0 rejected.", usersImported.Out, StringComparison.Ordinal);
        Assert.Contains(", 0 rejected.", extensionsImported.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing changed", again.Out, StringComparison.Ordinal);
    }
}
