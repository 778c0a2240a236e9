using System.CommandLine;
using Provisioning.Cli.Csv;
using Provisioning.Cli.Output;
using Provisioning.Core.Import;

namespace Provisioning.Cli.Commands;

/// <summary>import extensions and import users: CSV files as export writes them, checked and written by Core.</summary>
internal static class ImportCommands
{
    public static Command Create(CommandContext context) => new("import", "Create, update or leave unchanged what a CSV file lists; each row is reported")
    {
        Extensions(context), Users(context),
    };

    private static Command Extensions(CommandContext context)
    {
        var (file, dryRun, onError, batch) = Common();
        var command = new Command("extensions", "Import extensions: columns " + string.Join(", ", ExtensionRecord.Columns)) { file, dryRun, onError, batch };
        context.SetAction(command, (session, parse, ct) => RunAsync(session, parse, file, Options(parse, dryRun, onError, batch), ExtensionRecord.Columns, ExtensionRecord.RequiredColumns, ExtensionRecord.FromFields,
            (records, options, reporter, progress) => session.ExtensionImporter.ImportAsync(session.Caller, records, options, reporter.Row, progress, ct)));
        return command;
    }

    private static Command Users(CommandContext context)
    {
        var (file, dryRun, onError, batch) = Common();
        var command = new Command("users", "Import users with their extensions ('|' between roles and between addresses): columns " + string.Join(", ", UserRecord.Columns))
        {
            file, dryRun, onError, batch,
        };
        context.SetAction(command, (session, parse, ct) => RunAsync(session, parse, file, Options(parse, dryRun, onError, batch) with { BatchSize = Math.Min(parse.GetValue(batch), 1000) }, UserRecord.Columns, UserRecord.RequiredColumns, UserRecord.FromFields,
            (records, options, reporter, progress) => session.UserImporter.ImportAsync(session.Caller, records, options, reporter.Row, progress, ct)));
        return command;
    }

    private static async Task<int> RunAsync<T>(
        CliSession session,
        ParseResult parse,
        Argument<string> file,
        ImportOptions options,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> required,
        Func<long, string?[], T> make,
        Func<IEnumerable<T>, ImportOptions, ImportReporter, Action<ImportSummary>, Task<ImportSummary>> import)
    {
        using var source = CsvSource.Open(parse.GetValue(file)!, columns, required);
        var reporter = new ImportReporter(session.Console, options);
        var summary = await reporter.RunAsync(progress => import(source.Records(make), options, reporter, progress), () => source.Position, source.Length);
        return reporter.Finish(summary);
    }

    private static ImportOptions Options(ParseResult parse, Option<bool> dryRun, Option<string> onError, Option<int> batch) =>
        new(parse.GetValue(dryRun), parse.GetValue(onError) == "stop", parse.GetValue(batch));

    private static (Argument<string>, Option<bool>, Option<string>, Option<int>) Common()
    {
        var file = new Argument<string>("file") { Description = "The CSV file; its header row names the columns" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report what would happen, writing nothing" };
        var onError = new Option<string>("--on-error") { Description = "At a rejected row: skip it and go on, or stop", DefaultValueFactory = _ => "skip" };
        onError.AcceptOnlyFromAmong("skip", "stop");
        var batch = new Option<int>("--batch-size") { Description = "Rows written per transaction", DefaultValueFactory = _ => 10_000 };
        batch.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--batch-size must be at least 1.");
            }
        });
        return (file, dryRun, onError, batch);
    }
}
