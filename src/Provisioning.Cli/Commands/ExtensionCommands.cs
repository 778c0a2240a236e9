using System.CommandLine;
using System.Globalization;
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
        var (eid, address, id) = (OptionalEid(), OptionalAddress(), IdOption("Find it by id (see extensions list); an extension given as well becomes its new address"));
        var fields = new ExtensionOptions();
        var command = new Command("update", "Change the given settings of an extension, named by eid and extension or by --id; the others stay") { eid, address, id };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var byId = parse.GetValue(id);
            var stored = byId is { } n
                ? await session.Extensions.GetByIdAsync(session.Caller, n, "extension.id", ct)
                : await session.Extensions.GetAsync(session.Caller, new TenantFilter(Named(parse, eid), true, null, null, null), Named(parse, address), "extension", ct);
            var environment = parse.GetValue(eid) ?? (stored.IsOk ? stored.Value.Tenant.Eid : null);
            var target = byId is not null ? parse.GetValue(address) : null;
            var input = stored.IsOk ? await fields.ToExtensionAsync(session, parse, environment, target ?? stored.Value.Address, stored.Value, ct) : stored;
            var updated = input.IsOk ? await session.Extensions.UpdateAsync(session.Caller, input.Value with { Id = byId }, input.Value.MediaChange!, ExtensionFields.V2, ct) : input.ToResult();
            if (!updated.IsOk)
            {
                return session.Fail(updated);
            }
            await session.Console.Out.WriteLineAsync($"Updated extension {input.Value.Address} in environment {environment}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CommandContext context)
    {
        var (eid, address, id) = (OptionalEid(), OptionalAddress(), IdOption("Delete it by id (see extensions list); an eid or extension given as well must name the same one"));
        var command = new Command("delete", "Delete an extension, named by eid and extension or by --id") { eid, address, id };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var byId = parse.GetValue(id);
            var input = byId is null
                ? new Extension { Tenant = new TenantRef(Named(parse, eid), null), Address = Named(parse, address) }
                : new Extension { Id = byId, Tenant = new TenantRef(parse.GetValue(eid), null), Address = parse.GetValue(address) };
            var deleted = await session.Extensions.DeleteAsync(session.Caller, input, ExtensionFields.V2, ct);
            if (!deleted.IsOk)
            {
                return session.Fail(deleted);
            }
            await session.Console.Out.WriteLineAsync(byId is { } n
                ? string.Create(CultureInfo.InvariantCulture, $"Deleted extension {n}.")
                : $"Deleted extension {input.Address} of environment {input.Tenant.Eid}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    // Optional so that --id alone names the extension; without it both are needed (Named).
    private static Argument<string?> OptionalEid() => new("eid") { Description = "The environment's eid (4 characters)", Arity = ArgumentArity.ZeroOrOne };

    private static Argument<string?> OptionalAddress() => new("extension") { Description = "The extension: phone number, SIP address or platform id", Arity = ArgumentArity.ZeroOrOne };

    private static Option<long?> IdOption(string description) => new("--id") { Description = description };

    private static string Named(ParseResult parse, Argument<string?> argument) =>
        parse.GetValue(argument) is { Length: > 0 } value ? value : throw new UsageException($"Name the extension by eid and extension, or by --id ({argument.Name} is missing).");
}
