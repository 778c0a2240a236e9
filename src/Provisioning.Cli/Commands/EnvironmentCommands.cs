using System.CommandLine;
using Provisioning.Cli.Output;
using Provisioning.Core.Model;

namespace Provisioning.Cli.Commands;

/// <summary>environments list, show, create, update, delete: through TenantService, as the API's environment operations.</summary>
internal static class EnvironmentCommands
{
    public static Command Create(CommandContext context) => new("environments", "Environments (tenants)")
    {
        List(context), Show(context), Make(context), Update(context), Delete(context),
    };

    private static Command List(CommandContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List the environments") { json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var found = await session.Tenants.ListAsync(session.Caller, null, ct);
            if (!found.IsOk)
            {
                return session.Fail(found.ToResult());
            }
            new Printer(session.Console).List(found.Value.Select(Views.Environment).ToArray(), parse.GetValue(json), "eid", "shortName", "displayName", "inactive");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var (eid, json) = (Options.Eid(), Options.Json());
        var command = new Command("show", "Show one environment") { eid, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var found = await session.Tenants.GetByEidAsync(session.Caller, parse.GetValue(eid), ct);
            if (!found.IsOk)
            {
                return session.Fail(found.ToResult());
            }
            new Printer(session.Console).One(Views.Environment(found.Value), parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Make(CommandContext context)
    {
        var eid = Options.Eid();
        var shortName = new Argument<string>("shortName") { Description = "Unique short name (at most 64 characters)" };
        var fields = new TenantOptions();
        var archiveAt = new Option<int?>("--archive-at-age-hours") { Description = "Archive recordings older than this: creates the default storage folder and archive policy" };
        var deleteAt = new Option<int?>("--delete-at-age-hours") { Description = "Delete recordings older than this: creates the default delete policy" };
        var archivePath = new Option<string?>("--archive-path") { Description = "Where the default folder archives to (default: under Provisioning:Storage:ArchiveRoot)" };
        var command = new Command("create", "Create an environment with its default group (and its default storage folder and policies when given retention)")
        {
            eid, shortName, archiveAt, deleteAt, archivePath,
        };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var input = fields.Apply(parse, new Tenant
            {
                Eid = parse.GetValue(eid),
                ShortName = parse.GetValue(shortName),
                ArchiveAtAgeHours = parse.GetValue(archiveAt),
                DeleteAtAgeHours = parse.GetValue(deleteAt),
                ArchivePath = parse.GetValue(archivePath),
            });
            var created = await session.Tenants.CreateAsync(session.Caller, input, ct);
            if (!created.IsOk)
            {
                return session.Fail(created.ToResult());
            }
            await session.Console.Out.WriteLineAsync($"Created environment {created.Value.Eid} ({created.Value.ShortName}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Update(CommandContext context)
    {
        var eid = Options.Eid();
        var shortName = new Option<string?>("--short-name") { Description = "New short name" };
        var fields = new TenantOptions();
        var command = new Command("update", "Change the given fields of an environment; the others stay") { eid, shortName };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var stored = await session.Tenants.GetByEidAsync(session.Caller, parse.GetValue(eid), ct);
            if (!stored.IsOk)
            {
                return session.Fail(stored.ToResult());
            }
            var input = fields.Apply(parse, stored.Value with { ShortName = parse.GetValue(shortName) ?? stored.Value.ShortName });
            var updated = await session.Tenants.UpdateAsync(session.Caller, input, ct);
            if (!updated.IsOk)
            {
                return session.Fail(updated);
            }
            await session.Console.Out.WriteLineAsync($"Updated environment {stored.Value.Eid}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CommandContext context)
    {
        var eid = Options.Eid();
        var command = new Command("delete", "Delete an environment that has no users and no extensions left") { eid };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var deleted = await session.Tenants.DeleteAsync(session.Caller, parse.GetValue(eid), ct);
            if (!deleted.IsOk)
            {
                return session.Fail(deleted);
            }
            await session.Console.Out.WriteLineAsync($"Deleted environment {parse.GetValue(eid)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
