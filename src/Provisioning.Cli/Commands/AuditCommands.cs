using System.CommandLine;
using System.Globalization;
using Provisioning.Cli.Csv;
using Provisioning.Cli.Output;

namespace Provisioning.Cli.Commands;

/// <summary>
/// audit list (a page, as a table or JSON) and audit export (everything the filters select, as CSV or JSON lines), of
/// the live log and, with --archive, the archive files too; audit verify and archive in <see cref="AuditChainCommands"/>.
/// </summary>
internal static class AuditCommands
{
    private static readonly string[] Columns = ["id", "at", "eid", "login", "tokenId", "operation", "entity", "key", "before", "after"];

    public static Command Create(CommandContext context) => new("audit", "The audit log of changes to environments, users, groups and extensions")
    {
        List(context), Export(context), AuditChainCommands.Verify(context), AuditChainCommands.Archive(context),
    };

    private static Command List(CommandContext context)
    {
        var filters = new AuditFilters();
        var json = Options.Json();
        var limit = new Option<int>("--limit") { Description = "At most this many entries", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "Show entries in id order; page on with --after-id") { json, limit };
        filters.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var entries = await filters.History(session, parse).ListAsync(filters.Query(parse), Math.Max(1, parse.GetValue(limit)), ct);
            new Printer(session.Console).List(entries.Select(Views.Audit).ToArray(), parse.GetValue(json), "id", "at", "eid", "login", "operation", "entity", "key");
            if (!parse.GetValue(json) && entries.Count == parse.GetValue(limit))
            {
                await session.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"More may follow: --after-id {entries[^1].Id}"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(CommandContext context)
    {
        var filters = new AuditFilters();
        var file = new Argument<string?>("file") { Description = "The file to write; standard output when left out or -", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "csv or jsonl (one JSON object per line)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var command = new Command("export", "Write every entry the filters select") { file, format };
        filters.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var query = filters.Query(parse);
            var jsonLines = parse.GetValue(format) == "jsonl";
            var path = parse.GetValue(file);
            var history = filters.History(session, parse);
            await using var csv = jsonLines ? null : CsvSink.Open(path, session.Console, Columns);
            await using var lines = jsonLines ? OpenText(path, session.Console) : null;
            await foreach (var view in history.ExportAsync(query, ct).Select(Views.Audit))
            {
                if (lines is not null)
                {
                    await lines.WriteLineAsync(Printer.ToJson(view, indented: false));
                }
                else
                {
                    csv!.Write(Columns.Select(c => Printer.Text(view[c])).ToArray());
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static TextWriter OpenText(string? path, CliConsole console) =>
        string.IsNullOrEmpty(path) || path == "-" ? TextWriter.Synchronized(console.Out) : new StreamWriter(path);
}
