using System.Text.RegularExpressions;
using Provisioning.Cli.Tests.Infrastructure;

namespace Provisioning.Cli.Tests;

/// <summary>import extensions: every row reported, rejected rows by line, dry run, stop on error, whole batches.</summary>
public sealed partial class ImportCommandTests
{
    [Fact]
    public async Task Import_FiveBadRows_ReportsExactlyTheirLinesAndExitsOne()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("users", "create", "0000", "dave");
        var lines = Enumerable.Range(0, 20).Select(i => ExtensionFiles.Row("0000", i, "dave").TrimEnd('\n')).ToList();
        lines[3] = "ZZ99,+4930000003,FULL,true,false,false,false,";
        lines[7] = $"0000,{new string('7', 256)},FULL,true,false,false,false,";
        lines[10] = "0000,+4930000010,FULL,yes,false,false,false,";
        lines[14] = "0000,+4930000014,FULL,true,false,false,false,nobody";
        lines[18] = lines[2];
        var file = db.PathOf("bad.csv");
        await File.WriteAllTextAsync(file, ExtensionFiles.Header + "\n" + string.Join("\n", lines) + "\n");

        var result = await db.RunAsync("import", "extensions", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([5, 9, 12, 16, 20], LineNumbers().Matches(result.Error).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("line 5: extension.eid 'ZZ99' does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 9: extension.extension is too long: 256 characters, at most 255 are allowed", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 12: extension.voice 'yes' is not valid", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 16: extension.userLoginName 'nobody' does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 20: extension.extension '+49300000002' is in the file already, at line 4", result.Error, StringComparison.Ordinal);
        Assert.Contains("15 created, 0 updated, 0 unchanged, 5 rejected", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OnErrorStop_StopsAtTheFirstBadRowAfterWritingTheRowsBeforeIt()
    {
        await using var db = await CliDatabase.CreateAsync();
        var lines = Enumerable.Range(0, 10).Select(i => ExtensionFiles.Row("0000", i).TrimEnd('\n')).ToList();
        lines[4] = "0000,+4930000004,LOUD,true,false,false,false,";
        lines[8] = "0000,+4930000008,FULL,maybe,false,false,false,";
        var file = db.PathOf("stop.csv");
        await File.WriteAllTextAsync(file, ExtensionFiles.Header + "\n" + string.Join("\n", lines) + "\n");

        var result = await db.RunAsync("import", "extensions", file, "--on-error", "stop");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("line 6: extension.recordingMode 'LOUD' is not valid: one of FULL, ON_DEMAND, CONTROLLED, CONTROLLED_AUTO_START, DO_NOT_RECORD", result.Error.Trim());
        Assert.Contains("4 created, 0 updated, 0 unchanged, 1 rejected", result.Out, StringComparison.Ordinal);
        Assert.Equal(4, await CountAsync(db));
    }

    [Fact]
    public async Task Import_DryRun_ReportsWhatWouldHappenAndWritesNothing()
    {
        await using var db = await CliDatabase.CreateAsync();
        var file = ExtensionFiles.Write(db.PathOf("dry.csv"), 500);

        var result = await db.RunOkAsync("import", "extensions", file, "--dry-run");

        Assert.Contains("Dry run, nothing was written", result.Out, StringComparison.Ordinal);
        Assert.Contains("would be 500 created", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db));
    }

    [Fact]
    public async Task Import_InterruptedAfterSomeBatches_LeavesWholeBatchesAndARerunCompletesIt()
    {
        await using var db = await CliDatabase.CreateAsync();
        var file = ExtensionFiles.Write(db.PathOf("big.csv"), 20_000);
        using var cancel = new CancellationTokenSource();
        var output = new WatchingWriter(line => line.StartsWith("2000 rows", StringComparison.Ordinal), cancel);

        var interrupted = await db.RunAsync(output, cancel.Token, "import", "extensions", file, "--batch-size", "1000");
        var written = await CountAsync(db);
        var rerun = await db.RunOkAsync("import", "extensions", file, "--batch-size", "1000");

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        Assert.Contains("run the same import again to complete it", interrupted.Out, StringComparison.Ordinal);
        Assert.True(written is > 0 and < 20_000 && written % 1000 == 0, $"{written} extensions were written");
        Assert.Contains($"{20_000 - written} created, 0 updated, {written} unchanged, 0 rejected", rerun.Out, StringComparison.Ordinal);
        Assert.Equal(20_000, await CountAsync(db));
    }

    internal static async Task<int> CountAsync(CliDatabase db) =>
        (await db.RunOkAsync("status", "--json")).Json().GetProperty("environments").EnumerateArray().Sum(e => e.GetProperty("extensions").GetInt32());

    [GeneratedRegex(@"^line (\d+): ", RegexOptions.Multiline)]
    private static partial Regex LineNumbers();

    /// <summary>Standard output that cancels the run when a line it waits for is written, as Ctrl+C would.</summary>
    private sealed class WatchingWriter(Func<string, bool> trigger, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && trigger(value))
            {
                cancel.Cancel();
            }
        }
    }
}
