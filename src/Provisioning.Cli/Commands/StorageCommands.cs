using System.CommandLine;
using Provisioning.Cli.Output;
using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Cli.Commands;

/// <summary>
/// storage folders|policies list, show, create, update, delete: spec §8 through StorageService, as the API's storage
/// operations (same checks, same messages, audited). Update changes the given fields and keeps the others.
/// </summary>
internal static class StorageCommands
{
    public static Command Create(CommandContext context) => new("storage", "Storage folders and policies: where recordings are archived to and when")
    {
        Folders(context), Policies(context),
    };

    private static Argument<long> Id(string what) => new("id") { Description = $"The {what}'s id" };

    private static Command Folders(CommandContext context)
    {
        var list = ListCommand(context, "storage folders", (s, eid, ct) => s.Storage.ListFoldersAsync(s.Caller, eid, eid is not null, ct), Views.Folder);
        var show = ShowCommand(context, "storage folder", (s, id, ct) => s.Storage.GetFolderAsync(s.Caller, id, ct), Views.Folder);
        var delete = DeleteCommand(context, "storage folder", (s, id, ct) => s.Storage.DeleteFolderAsync(s.Caller, id, ct));

        var (eid, name, fields) = (Options.Eid(), new Argument<string>("name") { Description = "Its name, unique in the environment" }, new FolderOptions());
        var create = new Command("create", "Create a storage folder") { eid, name };
        fields.AddTo(create);
        context.SetAction(create, async (session, parse, ct) =>
        {
            var input = fields.Apply(parse, new StorageFolder { Tenant = new TenantRef(parse.GetValue(eid), null), Name = parse.GetValue(name) });
            return await DoneAsync(session, await session.Storage.CreateFolderAsync(session.Caller, input, ct), f => $"Created storage folder {f.Id} ({f.Name}) in {f.Tenant.Eid}.");
        });

        var (id, changes) = (Id("folder"), new FolderOptions(withName: true));
        var update = new Command("update", "Change the given fields of a storage folder; the others stay") { id };
        changes.AddTo(update);
        context.SetAction(update, async (session, parse, ct) =>
        {
            var stored = await session.Storage.GetFolderAsync(session.Caller, parse.GetValue(id), ct);
            return stored.IsOk
                ? await DoneAsync(session, await session.Storage.UpdateFolderAsync(session.Caller, changes.Apply(parse, stored.Value), ct), f => $"Updated storage folder {f.Id}.")
                : session.Fail(stored.ToFailure());
        });
        return new Command("folders", "Storage folders (spec §8): where an environment's recordings are archived or exported to") { list, show, create, update, delete };
    }

    private static Command Policies(CommandContext context)
    {
        var list = ListCommand(context, "storage policies", (s, eid, ct) => s.Storage.ListPoliciesAsync(s.Caller, eid, eid is not null, ct), Views.Policy);
        var show = ShowCommand(context, "storage policy", (s, id, ct) => s.Storage.GetPolicyAsync(s.Caller, id, ct), Views.Policy);
        var delete = DeleteCommand(context, "storage policy", (s, id, ct) => s.Storage.DeletePolicyAsync(s.Caller, id, ct));

        var (byEid, byName, json) = (Options.Eid(), new Argument<string>("name") { Description = "The policy's name" }, Options.Json());
        var find = new Command("find", "Show the storage policy of an environment with that name") { byEid, byName, json };
        context.SetAction(find, async (session, parse, ct) =>
            Shown(session, await session.Storage.GetPolicyByNameAsync(session.Caller, parse.GetValue(byName), new TenantRef(parse.GetValue(byEid), null), ct), Views.Policy, parse.GetValue(json)));

        var (eid, name, fields) = (Options.Eid(), new Argument<string>("name") { Description = "Its name, unique in the environment" }, new PolicyOptions());
        var create = new Command("create", "Create a storage policy") { eid, name };
        fields.AddTo(create);
        context.SetAction(create, async (session, parse, ct) =>
        {
            var input = fields.Apply(parse, new StoragePolicy { Tenant = new TenantRef(parse.GetValue(eid), null), Name = parse.GetValue(name) });
            return await DoneAsync(session, await session.Storage.CreatePolicyAsync(session.Caller, input, ct), p => $"Created storage policy {p.Id} ({p.Name}) in {p.Tenant.Eid}.");
        });

        var (id, changes) = (Id("policy"), new PolicyOptions(withName: true));
        var update = new Command("update", "Change the given fields of a storage policy; the others stay") { id };
        changes.AddTo(update);
        context.SetAction(update, async (session, parse, ct) =>
        {
            var stored = await session.Storage.GetPolicyAsync(session.Caller, parse.GetValue(id), ct);
            return stored.IsOk
                ? await DoneAsync(session, await session.Storage.UpdatePolicyAsync(session.Caller, changes.Apply(parse, stored.Value), ct), p => $"Updated storage policy {p.Id}.")
                : session.Fail(stored.ToFailure());
        });
        return new Command("policies", "Storage policies (spec §8): what happens to an environment's recordings, and when") { list, show, find, create, update, delete };
    }

    /// <summary>A list command; none found (the API's "No … was found") is an empty list here, not an error.</summary>
    private static Command ListCommand<T>(CommandContext context, string what, Func<CliSession, string?, CancellationToken, Task<Result<IReadOnlyList<T>>>> list, Func<T, View> view)
    {
        var (eid, json) = (Options.EidFilter(), Options.Json());
        var command = new Command("list", $"List the {what}") { eid, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var listed = await list(session, parse.GetValue(eid), ct);
            if (!listed.IsOk && listed.ToFailure().Outcome != Outcome.NotFound)
            {
                return session.Fail(listed.ToFailure());
            }
            new Printer(session.Console).List(listed.IsOk ? listed.Value.Select(view).ToArray() : [], parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ShowCommand<T>(CommandContext context, string what, Func<CliSession, long, CancellationToken, Task<Result<T>>> get, Func<T, View> view)
    {
        var (id, json) = (Id(what), Options.Json());
        var command = new Command("show", $"Show one {what}") { id, json };
        context.SetAction(command, async (session, parse, ct) => Shown(session, await get(session, parse.GetValue(id), ct), view, parse.GetValue(json)));
        return command;
    }

    private static Command DeleteCommand(CommandContext context, string what, Func<CliSession, long, CancellationToken, Task<Result>> delete)
    {
        var id = Id(what);
        var command = new Command("delete", $"Delete a {what}") { id };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var deleted = await delete(session, parse.GetValue(id), ct);
            if (!deleted.IsOk)
            {
                return session.Fail(deleted);
            }
            await session.Console.Out.WriteLineAsync($"Deleted {what} {parse.GetValue(id)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Shown<T>(CliSession session, Result<T> found, Func<T, View> view, bool json)
    {
        if (!found.IsOk)
        {
            return session.Fail(found.ToFailure());
        }
        new Printer(session.Console).One(view(found.Value), json);
        return ExitCodes.Ok;
    }

    private static async Task<int> DoneAsync<T>(CliSession session, Result<T> written, Func<T, string> message)
    {
        if (!written.IsOk)
        {
            return session.Fail(written.ToFailure());
        }
        await session.Console.Out.WriteLineAsync(message(written.Value));
        return ExitCodes.Ok;
    }

    /// <summary>A folder's fields as options; each given one replaces the value it names.</summary>
    private sealed class FolderOptions(bool withName = false)
    {
        private readonly Option<string?> _name = new("--name") { Description = "New name" };
        private readonly Option<string?> _path = new("--path") { Description = "Where: a path or URL (required on create)" };
        private readonly Option<string?> _type = new("--type") { Description = "local (default), smb, s3 or azure" };
        private readonly Option<bool?> _enabled = new("--enabled") { Description = "Whether it is in use (true or false; default true)" };
        private readonly Option<string?> _description = new("--description") { Description = "Free text" };

        public void AddTo(Command command)
        {
            foreach (var option in (Option[])(withName ? [_name, _path, _type, _enabled, _description] : [_path, _type, _enabled, _description]))
            {
                command.Add(option);
            }
        }

        public StorageFolder Apply(ParseResult parse, StorageFolder folder) => folder with
        {
            Name = (withName ? parse.GetValue(_name) : null) ?? folder.Name,
            Path = parse.GetValue(_path) ?? folder.Path,
            Type = parse.GetValue(_type) ?? folder.Type,
            Enabled = parse.GetValue(_enabled) ?? folder.Enabled,
            Description = parse.GetValue(_description) ?? folder.Description,
        };
    }

    /// <summary>A policy's fields as options; each given one replaces the value it names.</summary>
    private sealed class PolicyOptions(bool withName = false)
    {
        private readonly Option<string?> _name = new("--name") { Description = "New name" };
        private readonly Option<string?> _action = new("--action") { Description = "archive, delete, export, transcode or move (required on create)" };
        private readonly Option<long?> _folder = new("--folder") { Description = "The storage folder's id (required for archive, export and move)" };
        private readonly Option<int?> _minutes = new("--older-than-minutes") { Description = "Acts on recordings older than this many minutes" };
        private readonly Option<int?> _years = new("--older-than-years") { Description = "Acts on recordings older than this many years" };
        private readonly Option<int?> _priority = new("--priority") { Description = "Order among the environment's policies" };
        private readonly Option<bool?> _enabled = new("--enabled") { Description = "Whether it runs (true or false; default true)" };
        private readonly Option<string?> _filter = new("--call-filter") { Description = "The recorder's call filter, kept as text and never run here" };
        private readonly Option<bool?> _onlyArchived = new("--only-for-archived") { Description = "Only recordings already archived (true or false)" };
        private readonly Option<bool?> _keepCdr = new("--keep-cdr") { Description = "Keep the call record when media is deleted (true or false)" };
        private readonly Option<bool?> _recycle = new("--move-to-recycle-bin") { Description = "Delete into the recycle bin (true or false)" };
        private readonly Option<string?> _format = new("--format") { Description = "Media format for transcode and export" };

        public void AddTo(Command command)
        {
            Option[] all = [_action, _folder, _minutes, _years, _priority, _enabled, _filter, _onlyArchived, _keepCdr, _recycle, _format];
            foreach (var option in withName ? all.Prepend(_name) : all)
            {
                command.Add(option);
            }
        }

        public StoragePolicy Apply(ParseResult parse, StoragePolicy policy) => policy with
        {
            Name = (withName ? parse.GetValue(_name) : null) ?? policy.Name,
            Action = parse.GetValue(_action) ?? policy.Action,
            FolderId = parse.GetValue(_folder) ?? policy.FolderId,
            OlderThanMinutes = parse.GetValue(_minutes) ?? policy.OlderThanMinutes,
            OlderThanYears = parse.GetValue(_years) ?? policy.OlderThanYears,
            Priority = parse.GetValue(_priority) ?? policy.Priority,
            Enabled = parse.GetValue(_enabled) ?? policy.Enabled,
            CallFilter = parse.GetValue(_filter) ?? policy.CallFilter,
            OnlyForArchived = parse.GetValue(_onlyArchived) ?? policy.OnlyForArchived,
            KeepCdr = parse.GetValue(_keepCdr) ?? policy.KeepCdr,
            MoveToRecycleBin = parse.GetValue(_recycle) ?? policy.MoveToRecycleBin,
            Format = parse.GetValue(_format) ?? policy.Format,
        };
    }
}
