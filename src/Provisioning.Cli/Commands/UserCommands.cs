using System.CommandLine;
using Provisioning.Cli.Output;
using Provisioning.Core.Model;
using Provisioning.Core.Security;

namespace Provisioning.Cli.Commands;

/// <summary>users list, show, create, update, delete: through UserService, as the API's user operations.</summary>
internal static class UserCommands
{
    public static Command Create(CommandContext context) => new("users", "Users of environments, and the API accounts among them")
    {
        List(context), Show(context), Make(context), Update(context), Delete(context),
        AccountCommands.SetPassword(context), AccountCommands.Roles(context),
    };

    private static Command List(CommandContext context)
    {
        var (eid, json) = (Options.EidFilter(), Options.Json());
        var login = new Option<string?>("--login") { Description = "Only login names containing this, ignoring case" };
        var command = new Command("list", "List users") { eid, login, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var filter = new UserFilter
            {
                Environment = parse.GetValue(eid) is { } e ? new TenantFilter(e, true, null, null, null) : null,
                LoginName = parse.GetValue(login),
            };
            var found = await session.Users.ListAsync(session.Caller, filter, ct);
            if (!found.IsOk)
            {
                return session.Fail(found.ToResult());
            }
            var rows = found.Value.Users.Select(Views.User).ToArray();
            new Printer(session.Console).List(rows, parse.GetValue(json), "id", "eid", "loginName", "displayName", "roles", "extensions");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var (eid, login, json) = (Options.Eid(), Options.Login(), Options.Json());
        var command = new Command("show", "Show one user with its roles, extensions and groups") { eid, login, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var found = await session.Users.GetByLoginAsync(session.Caller, parse.GetValue(login), new TenantRef(parse.GetValue(eid), null), ct);
            if (!found.IsOk)
            {
                return session.Fail(found.ToResult());
            }
            new Printer(session.Console).One(Views.User(found.Value), parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Make(CommandContext context)
    {
        var (eid, login) = (Options.Eid(), Options.Login());
        var fields = new UserOptions();
        var roles = new Option<string[]>("--role") { Description = "A role to hold (repeat for more), e.g. \"System Administrator\"" };
        var password = new Option<string?>("--password") { Description = "The password of an API user" };
        var command = new Command("create", "Create a user (a primary member of the default group)") { eid, login, roles, password };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var input = fields.Apply(parse, new User { Tenant = new TenantRef(parse.GetValue(eid), null), LoginName = parse.GetValue(login), Roles = parse.GetValue(roles) ?? [] });
            var md5 = parse.GetValue(password) is { Length: > 0 } p ? PasswordHasher.Md5Hex(p) : null;
            var created = await session.Users.CreateAsync(session.Caller, input, md5, ct);
            if (!created.IsOk)
            {
                return session.Fail(created.ToResult());
            }
            await session.Console.Out.WriteLineAsync($"Created user {created.Value.LoginName} (id {created.Value.Id}) in environment {created.Value.Tenant.Eid}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Update(CommandContext context)
    {
        var (eid, login) = (Options.Eid(), Options.Login());
        var fields = new UserOptions();
        var command = new Command("update", "Change the given fields of a user; the others, its groups and extensions stay") { eid, login };
        fields.AddTo(command);
        context.SetAction(command, async (session, parse, ct) =>
        {
            var updated = await session.Accounts.ModifyAsync(session.Caller, new TenantRef(parse.GetValue(eid), null), parse.GetValue(login), u => fields.Apply(parse, u), null, ct);
            if (!updated.IsOk)
            {
                return session.Fail(updated.ToResult());
            }
            await session.Console.Out.WriteLineAsync($"Updated user {updated.Value.LoginName} in environment {updated.Value.Tenant.Eid}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CommandContext context)
    {
        var (eid, login) = (Options.Eid(), Options.Login());
        var command = new Command("delete", "Delete a user with its tokens and memberships; its extensions stay, unlinked") { eid, login };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var found = await session.Users.GetByLoginAsync(session.Caller, parse.GetValue(login), new TenantRef(parse.GetValue(eid), null), ct);
            var deleted = found.IsOk ? await session.Users.DeleteAsync(session.Caller, found.Value.Id, ct) : found.ToResult();
            if (!deleted.IsOk)
            {
                return session.Fail(deleted);
            }
            await session.Console.Out.WriteLineAsync($"Deleted user {parse.GetValue(login)} of environment {parse.GetValue(eid)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
