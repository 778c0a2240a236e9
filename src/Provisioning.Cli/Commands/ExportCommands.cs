using System.CommandLine;
using System.Globalization;
using Provisioning.Cli.Csv;
using Provisioning.Core.Import;
using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Cli.Commands;

/// <summary>export extensions and export users: every one, page by page in id order, in the CSV that import reads.</summary>
internal static class ExportCommands
{
    private const int Page = 10_000;

    public static Command Create(CommandContext context) => new("export", "Write CSV files that import reads back unchanged")
    {
        Extensions(context), Users(context),
    };

    private static Command Extensions(CommandContext context)
    {
        var (file, eid) = Common();
        var command = new Command("extensions", "Export extensions") { file, eid };
        context.SetAction(command, (session, parse, ct) => ExportAsync(
            session, parse.GetValue(file), ExtensionRecord.Columns,
            after => session.Extensions.PageAsync(session.Caller, Filter(parse.GetValue(eid)), after, Page, ct),
            e => (e.Id!.Value, ExtensionRecord.From(e).Fields())));
        return command;
    }

    private static Command Users(CommandContext context)
    {
        var (file, eid) = Common();
        var command = new Command("users", "Export users with their extensions") { file, eid };
        context.SetAction(command, (session, parse, ct) => ExportAsync(
            session, parse.GetValue(file), UserRecord.Columns,
            after => session.Accounts.PageAsync(session.Caller, Filter(parse.GetValue(eid)), after, Page / 10, ct),
            u => (u.Id!.Value, UserRecord.From(u).Fields())));
        return command;
    }

    private static async Task<int> ExportAsync<T>(
        CliSession session,
        string? path,
        IReadOnlyList<string> columns,
        Func<long?, Task<Result<IReadOnlyList<T>>>> page,
        Func<T, (long Id, string?[] Fields)> row)
    {
        long? after = null;
        long count = 0;
        await using (var sink = CsvSink.Open(path, session.Console, columns))
        {
            while (true)
            {
                var next = await page(after);
                if (!next.IsOk)
                {
                    return session.Fail(next.ToResult());
                }
                foreach (var item in next.Value)
                {
                    var (id, fields) = row(item);
                    sink.Write(fields);
                    after = id;
                    count++;
                }
                if (next.Value.Count == 0)
                {
                    break;
                }
            }
        }
        if (!string.IsNullOrEmpty(path) && path != "-")
        {
            await session.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {count} rows to {path}."));
        }
        return ExitCodes.Ok;
    }

    private static TenantFilter? Filter(string? eid) => eid is null ? null : new TenantFilter(eid, true, null, null, null);

    private static (Argument<string?>, Option<string?>) Common() =>
        (new Argument<string?>("file") { Description = "The CSV file to write; standard output when left out or -", Arity = ArgumentArity.ZeroOrOne },
         Options.EidFilter());
}
