using System.CommandLine;
using System.Globalization;
using Provisioning.Cli.Output;
using Provisioning.Core.Audit;

namespace Provisioning.Cli.Commands;

/// <summary>audit verify (the chain, and the archive files before it) and audit archive (move the oldest entries to a file).</summary>
internal static class AuditChainCommands
{
    public static Command Verify(CommandContext context)
    {
        var json = Options.Json();
        var archive = new Option<string?>("--archive") { Description = "Also verify the archive files (*.jsonl.gz) in this folder, and that they and the live log join into one chain" };
        var command = new Command("verify", "Seal what is not yet, walk the audit chain from its start and name the first entry where it breaks (exit code 1 then)") { json, archive };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var files = parse.GetValue(archive) is { } folder
                ? Directory.Exists(folder) ? AuditArchiveFile.In(folder) : throw new UsageException($"--archive: the folder {folder} does not exist")
                : [];
            var results = new List<(string Name, AuditVerification Result)>();
            foreach (var path in files)
            {
                results.Add((path, await AuditArchiveFile.VerifyAsync(path, ct)));
            }
            results.Sort((a, b) => a.Result.Start.Position.CompareTo(b.Result.Start.Position));
            results.Add(("live", await AuditLog.VerifyAsync(session.Store.Audit, ct)));
            var views = Joined(results).Select(r => View(r.Name, r.Result)).ToArray();
            if (parse.GetValue(json))
            {
                new Printer(session.Console).List(views, json: true);
            }
            else
            {
                foreach (var (name, result) in Joined(results))
                {
                    await session.Console.Out.WriteLineAsync(Sentence(name, result));
                }
            }
            return Joined(results).All(r => r.Result.Intact) ? ExitCodes.Ok : ExitCodes.Refused;
        });
        return command;
    }

    public static Command Archive(CommandContext context)
    {
        var json = Options.Json();
        var before = new Option<DateTimeOffset>("--before") { Description = "Archive the entries older than this time, e.g. 2026-01-01T00:00:00Z", Required = true };
        var file = new Argument<string>("file") { Description = "The archive file to write (gzip-compressed JSON lines, *.jsonl.gz); it must not exist" };
        var command = new Command("archive", "Write the sealed entries older than --before to FILE, verify it, then remove them from the log, recording the removal as an entry") { file, before, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (File.Exists(path))
            {
                throw new UsageException($"file: {path} exists; archives are never overwritten");
            }
            if (!Directory.Exists(Path.GetDirectoryName(path)))
            {
                throw new UsageException($"file: the folder of {path} does not exist");
            }
            var actor = session.Caller.ActorAt(DateTimeOffset.UtcNow);
            var result = await session.Archiver.ArchiveAsync(parse.GetValue(before), path, actor, ct);
            var view = new View
            {
                ["archived"] = result.Archived,
                ["file"] = result.Archived > 0 ? path : null,
                ["throughPosition"] = result.Through?.Position,
                ["throughHash"] = result.Through?.HashHex,
                ["problem"] = result.Break?.Message ?? result.Refusal,
            };
            if (parse.GetValue(json))
            {
                new Printer(session.Console).One(view, json: true);
            }
            else
            {
                await session.Console.Out.WriteLineAsync(result switch
                {
                    { Break: { } broken } => $"Nothing archived: the audit chain does not verify: {broken.Message}",
                    { Refusal: { } refusal } => $"Nothing removed: {refusal}",
                    { Through: { } through } => string.Create(CultureInfo.InvariantCulture, $"Archived {result.Archived} entries to {path} and removed them; the log goes on after position {through.Position} (hash {through.HashHex})."),
                    _ => "No sealed entry is older than --before: nothing archived.",
                });
            }
            return result.Break is null && result.Refusal is null ? ExitCodes.Ok : ExitCodes.Refused;
        });
        return command;
    }

    /// <summary>Each part, and a break where one part does not start where the one before it ended.</summary>
    private static IEnumerable<(string Name, AuditVerification Result)> Joined(List<(string Name, AuditVerification Result)> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var (name, result) = parts[i];
            if (result.Intact && i > 0 && parts[i - 1].Result is { Intact: true } before
                && before.End != result.Start)
            {
                result = result with
                {
                    Break = new AuditBreak(null, result.Start.Position, AuditBreakKind.Removed, string.Create(
                        CultureInfo.InvariantCulture, $"it starts after position {result.Start.Position}, but {parts[i - 1].Name} ends at {before.End.Position}: entries between them are missing")),
                };
            }
            yield return (name, result);
        }
    }

    private static string Sentence(string name, AuditVerification r) => r.Break is { } broken
        ? $"{name}: BROKEN at {(broken.EntryId is { } id ? $"entry {id}" : "the end")} (position {broken.Position}, {broken.Kind.ToString().ToLowerInvariant()}): {broken.Message}"
        : string.Create(CultureInfo.InvariantCulture, $"{name}: intact, {r.Verified} entries from position {r.Start.Position + 1} to {r.End.Position} (hash {r.End.HashHex}){(r.Unsealed > 0 ? $", {r.Unsealed} not sealed yet" : string.Empty)}");

    private static View View(string name, AuditVerification r) => new()
    {
        ["part"] = name,
        ["intact"] = r.Intact,
        ["verified"] = r.Verified,
        ["unsealed"] = r.Unsealed,
        ["startPosition"] = r.Start.Position,
        ["startHash"] = r.Start.HashHex,
        ["endPosition"] = r.End.Position,
        ["endHash"] = r.End.HashHex,
        ["breakEntryId"] = r.Break?.EntryId,
        ["breakPosition"] = r.Break?.Position,
        ["breakKind"] = r.Break?.Kind.ToString().ToLowerInvariant(),
        ["problem"] = r.Break?.Message,
    };
}
