using System.CommandLine;
using Provisioning.Core.Audit;

namespace Provisioning.Cli.Commands;

/// <summary>The filters of the audit commands: environment, time, entity, and the id to page on from.</summary>
internal sealed class AuditFilters
{
    private readonly Option<string?> _eid = Options.EidFilter();
    private readonly Option<DateTimeOffset?> _since = new("--since") { Description = "Only entries at or after this time, e.g. 2026-05-01T00:00:00Z" };
    private readonly Option<string?> _entity = new("--entity") { Description = "Only changes of environment, user, group or extension" };
    private readonly Option<string?> _archive = new("--archive") { Description = "Also read the archive files (*.jsonl.gz) in this folder, as `audit archive` and the server's retention write them" };
    private readonly Option<long?> _afterId = new("--after-id") { Description = "Only entries with a greater id (the next page)" };

    public void AddTo(Command command)
    {
        command.Add(_eid);
        command.Add(_since);
        command.Add(_entity);
        command.Add(_afterId);
        command.Add(_archive);
    }

    /// <summary>The live log, and the archive folder's files when one is given (it must exist).</summary>
    public AuditHistory History(CliSession session, ParseResult parse) => parse.GetValue(_archive) switch
    {
        null => new AuditHistory(session.Store.Audit, null),
        var folder when Directory.Exists(folder) => new AuditHistory(session.Store.Audit, folder),
        var folder => throw new UsageException($"--archive: the folder {folder} does not exist"),
    };

    public AuditQuery Query(ParseResult parse) => new(parse.GetValue(_eid), parse.GetValue(_since), parse.GetValue(_afterId), parse.GetValue(_entity));
}
