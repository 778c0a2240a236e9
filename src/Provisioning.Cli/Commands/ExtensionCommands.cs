using System.CommandLine;
using Provisioning.Cli.Output;
using Provisioning.Core.Model;
using Provisioning.Core.Services;

namespace Provisioning.Cli.Commands;

/// <summary>extensions list, show, create, update, delete: through ExtensionService, as the API's extension operations.</summary>
internal static class ExtensionCommands
{
    public static Command Create(CommandContext context) => new("extensions", "Recorded extensions")
    {
        List(context), Show(context), Make(context), Update(context), Delete(context),
    };

    private static Command List(CommandContext context)
    {
        var (eid, json) = (Options.EidFilter(), Options.Json());
        var contains = new Option<string?>("--contains") { Description = "Only extensions containing this, ignoring case" };
        var command = new Command("list", "List extensions (use export for all of a large database)") { eid, contains, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var environment = parse.GetValue(eid) is { } e ? new TenantFilter(e, true, null, null, null) : null;
            var found = await session.Extensions.ListAsync(session.Caller, new ExtensionFilter(environment, parse.GetValue(contains), false, null), ct);
            if (!found.IsOk)
            {
                return session.Fail(found.ToResult());
            }
            new Printer(session.Console).List(found.Value.Select(Views.Extension).ToArray(), parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var (eid, address, json) = (Options.Eid(), Options.Address(), Options.Json());
        var command = new Command("show", "Show one extension") { eid, address, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var environment = new TenantFilter(parse.GetValue(eid), true, null, null, null);
            var found = await session.Extensions.GetAsync(session.Caller, environment, parse.GetValue(address), "extension", ct);
            if (!found.IsOk)
            {
                return session.Fail(found.ToResult());
            }
            new Printer(session.Console).One(Views.Extension(found.Value), parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Make(CommandContext context)
    {
        var (eid, address) = (Options.Eid(), Options.Address());
        var fields = new ExtensionOptions();
        var command = new Command("create", "Create an extension; omitted: FULL, voice on, the rest off, no user") { eid, address };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var input = await fields.ToExtensionAsync(session, parse, parse.GetValue(eid), parse.GetValue(address), stored: null, ct);
            var created = input.IsOk ? await session.Extensions.CreateAsync(session.Caller, input.Value, input.Value.MediaChange!, ExtensionFields.V2, ct) : input.ToResult();
            if (!created.IsOk)
            {
                return session.Fail(created);
            }
            await session.Console.Out.WriteLineAsync($"Created extension {parse.GetValue(address)} in environment {parse.GetValue(eid)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Update(CommandContext context)
    {
        var (eid, address) = (Options.Eid(), Options.Address());
        var fields = new ExtensionOptions();
        var command = new Command("update", "Change the given settings of an extension; the others stay") { eid, address };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var environment = new TenantFilter(parse.GetValue(eid), true, null, null, null);
            var stored = await session.Extensions.GetAsync(session.Caller, environment, parse.GetValue(address), "extension", ct);
            var input = stored.IsOk ? await fields.ToExtensionAsync(session, parse, parse.GetValue(eid), stored.Value.Address, stored.Value, ct) : stored;
            var updated = input.IsOk ? await session.Extensions.UpdateAsync(session.Caller, input.Value, input.Value.MediaChange!, ExtensionFields.V2, ct) : input.ToResult();
            if (!updated.IsOk)
            {
                return session.Fail(updated);
            }
            await session.Console.Out.WriteLineAsync($"Updated extension {parse.GetValue(address)} in environment {parse.GetValue(eid)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CommandContext context)
    {
        var (eid, address) = (Options.Eid(), Options.Address());
        var command = new Command("delete", "Delete an extension") { eid, address };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var input = new Extension { Tenant = new TenantRef(parse.GetValue(eid), null), Address = parse.GetValue(address) };
            var deleted = await session.Extensions.DeleteAsync(session.Caller, input, ExtensionFields.V2, ct);
            if (!deleted.IsOk)
            {
                return session.Fail(deleted);
            }
            await session.Console.Out.WriteLineAsync($"Deleted extension {parse.GetValue(address)} of environment {parse.GetValue(eid)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
