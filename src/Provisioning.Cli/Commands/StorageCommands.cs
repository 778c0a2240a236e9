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
        var kind = new Kind<StorageFolder>(
            "storage folder",
            "storage folders",
            Views.Folder,
            withName => new FolderOptions(withName),
            (tenant, name) => new StorageFolder { Tenant = tenant, Name = name },
            f => (f.Id, f.Name, f.Tenant.Eid),
            (s, eid, ct) => s.Storage.ListFoldersAsync(s.Caller, eid, eid is not null, ct),
            (s, id, ct) => s.Storage.GetFolderAsync(s.Caller, id, ct),
            (s, f, ct) => s.Storage.CreateFolderAsync(s.Caller, f, ct),
            (s, f, ct) => s.Storage.UpdateFolderAsync(s.Caller, f, ct),
            (s, id, ct) => s.Storage.DeleteFolderAsync(s.Caller, id, ct));
        return new Command("folders", "Storage folders (spec §8): where an environment's recordings are archived or exported to")
        {
            ListCommand(context, kind), ShowCommand(context, kind), CreateCommand(context, kind), UpdateCommand(context, kind), DeleteCommand(context, kind),
        };
    }

    private static Command Policies(CommandContext context)
    {
        var kind = new Kind<StoragePolicy>(
            "storage policy",
            "storage policies",
            Views.Policy,
            withName => new PolicyOptions(withName),
            (tenant, name) => new StoragePolicy { Tenant = tenant, Name = name },
            p => (p.Id, p.Name, p.Tenant.Eid),
            (s, eid, ct) => s.Storage.ListPoliciesAsync(s.Caller, eid, eid is not null, ct),
            (s, id, ct) => s.Storage.GetPolicyAsync(s.Caller, id, ct),
            (s, p, ct) => s.Storage.CreatePolicyAsync(s.Caller, p, ct),
            (s, p, ct) => s.Storage.UpdatePolicyAsync(s.Caller, p, ct),
            (s, id, ct) => s.Storage.DeletePolicyAsync(s.Caller, id, ct));

        var (eid, name, json) = (Options.Eid(), new Argument<string>("name") { Description = "The policy's name" }, Options.Json());
        var find = new Command("find", "Show the storage policy of an environment with that name") { eid, name, json };
        context.SetAction(find, async (session, parse, ct) =>
            Shown(session, await session.Storage.GetPolicyByNameAsync(session.Caller, parse.GetValue(name), new TenantRef(parse.GetValue(eid), null), ct), Views.Policy, parse.GetValue(json)));
        return new Command("policies", "Storage policies (spec §8): what happens to an environment's recordings, and when")
        {
            ListCommand(context, kind), ShowCommand(context, kind), find, CreateCommand(context, kind), UpdateCommand(context, kind), DeleteCommand(context, kind),
        };
    }

    private static Command CreateCommand<T>(CommandContext context, Kind<T> kind)
    {
        var (eid, name, fields) = (Options.Eid(), new Argument<string>("name") { Description = "Its name, unique in the environment" }, kind.Fields(false));
        var command = new Command("create", $"Create a {kind.What}") { eid, name };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var input = fields.Apply(parse, kind.New(new TenantRef(parse.GetValue(eid), null), parse.GetValue(name)));
            return await DoneAsync(session, await kind.Create(session, input, ct), kind, "Created {0} {1} ({2}) in {3}.");
        });
        return command;
    }

    private static Command UpdateCommand<T>(CommandContext context, Kind<T> kind)
    {
        var (id, fields) = (Id(kind.What), kind.Fields(true));
        var command = new Command("update", $"Change the given fields of a {kind.What}; the others stay") { id };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var stored = await kind.Get(session, parse.GetValue(id), ct);
            return stored.IsOk
                ? await DoneAsync(session, await kind.Update(session, fields.Apply(parse, stored.Value), ct), kind, "Updated {0} {1}.")
                : session.Fail(stored.ToFailure());
        });
        return command;
    }

    /// <summary>A list command; none found (the API's "No … was found") is an empty list here, not an error.</summary>
    private static Command ListCommand<T>(CommandContext context, Kind<T> kind)
    {
        var (eid, json) = (Options.EidFilter(), Options.Json());
        var command = new Command("list", $"List the {kind.Plural}") { eid, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var listed = await kind.List(session, parse.GetValue(eid), ct);
            if (!listed.IsOk && listed.ToFailure().Outcome != Outcome.NotFound)
            {
                return session.Fail(listed.ToFailure());
            }
            new Printer(session.Console).List(listed.IsOk ? listed.Value.Select(kind.View).ToArray() : [], parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ShowCommand<T>(CommandContext context, Kind<T> kind)
    {
        var (id, json) = (Id(kind.What), Options.Json());
        var command = new Command("show", $"Show one {kind.What}") { id, json };
        context.SetAction(command, async (session, parse, ct) => Shown(session, await kind.Get(session, parse.GetValue(id), ct), kind.View, parse.GetValue(json)));
        return command;
    }

    private static Command DeleteCommand<T>(CommandContext context, Kind<T> kind)
    {
        var id = Id(kind.What);
        var command = new Command("delete", $"Delete a {kind.What}") { id };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var deleted = await kind.Delete(session, parse.GetValue(id), ct);
            if (!deleted.IsOk)
            {
                return session.Fail(deleted);
            }
            await session.Console.Out.WriteLineAsync($"Deleted {kind.What} {parse.GetValue(id)}.");
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

    /// <summary>The written object's message: <paramref name="format"/> gets what it is, its id, name and environment.</summary>
    private static async Task<int> DoneAsync<T>(CliSession session, Result<T> written, Kind<T> kind, string format)
    {
        if (!written.IsOk)
        {
            return session.Fail(written.ToFailure());
        }
        var (id, name, eid) = kind.Names(written.Value);
        await session.Console.Out.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, kind.What, id, name, eid));
        return ExitCodes.Ok;
    }

    /// <summary>A stored object's fields as options; each given one replaces the value it names.</summary>
    private interface IFields<T>
    {
        void AddTo(Command command);

        T Apply(ParseResult parse, T stored);
    }

    /// <summary>What the commands of one kind of storage object need: its names, view, options and service calls.</summary>
    private sealed record Kind<T>(
        string What,
        string Plural,
        Func<T, View> View,
        Func<bool, IFields<T>> Fields,
        Func<TenantRef, string?, T> New,
        Func<T, (long? Id, string? Name, string? Eid)> Names,
        Func<CliSession, string?, CancellationToken, Task<Result<IReadOnlyList<T>>>> List,
        Func<CliSession, long, CancellationToken, Task<Result<T>>> Get,
        Func<CliSession, T, CancellationToken, Task<Result<T>>> Create,
        Func<CliSession, T, CancellationToken, Task<Result<T>>> Update,
        Func<CliSession, long, CancellationToken, Task<Result>> Delete);

    /// <summary>A folder's fields as options; each given one replaces the value it names.</summary>
    private sealed class FolderOptions(bool withName) : IFields<StorageFolder>
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
    private sealed class PolicyOptions(bool withName) : IFields<StoragePolicy>
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
