using System.Diagnostics;
using System.Globalization;
using Provisioning.Core.Import;
using Provisioning.Core.Storage;
using Spectre.Console;

namespace Provisioning.Cli.Output;

/// <summary>
/// Reports an import as it runs: each rejected row on standard error with its line and reason; progress as a bar with
/// rows per second on a terminal, as one plain line per batch otherwise; and the summary, with the exit code it means.
/// </summary>
internal sealed class ImportReporter(CliConsole console, ImportOptions options)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Row(RowReport row)
    {
        if (row.Outcome == ImportOutcome.Rejected)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: {row.Reason}"));
        }
    }

    /// <summary>Runs <paramref name="import"/>, showing its progress through the file (<paramref name="position"/> of <paramref name="length"/> bytes).</summary>
    public async Task<ImportSummary> RunAsync(Func<Action<ImportSummary>, Task<ImportSummary>> import, Func<long> position, long length)
    {
        if (!console.Interactive)
        {
            return await import(s => console.Out.WriteLine(Progress(s)));
        }
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) });
        return await terminal.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing", maxValue: Math.Max(length, 1));
                var summary = await import(s =>
                {
                    task.Value = position();
                    task.Description = Markup.Escape(Progress(s));
                });
                task.Value = task.MaxValue;
                return summary;
            });
    }

    public int Finish(ImportSummary s)
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var counts = string.Create(CultureInfo.InvariantCulture, $"{s.Created} created, {s.Updated} updated, {s.Unchanged} unchanged, {s.Rejected} rejected");
        var speed = string.Create(CultureInfo.InvariantCulture, $"{s.Rows} rows in {seconds:0.0} s ({s.Rows / Math.Max(seconds, 0.001):0} rows/s)");
        var output = console.Out;
        if (options.DryRun)
        {
            output.WriteLine($"Dry run, nothing was written: {speed}; would be {counts}.");
        }
        else if (s.ChangedNothing && s.Rejected == 0 && s.Rows > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Nothing changed: all {s.Rows} rows are already as the file says ({speed})."));
        }
        else
        {
            output.WriteLine($"Imported {speed}: {counts}.");
        }
        if (s.Stopped)
        {
            output.WriteLine("Stopped at the first rejected row (--on-error stop); the rows before it were imported.");
        }
        if (s.Interrupted)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Interrupted after {s.Batches} whole batches; run the same import again to complete it."));
            return ExitCodes.Interrupted;
        }
        return s.Rejected > 0 ? ExitCodes.Refused : ExitCodes.Ok;
    }

    private string Progress(ImportSummary s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{s.Rows} rows ({s.Created} created, {s.Updated} updated, {s.Unchanged} unchanged, {s.Rejected} rejected), {s.Rows / Math.Max(_clock.Elapsed.TotalSeconds, 0.001):0} rows/s");
}
