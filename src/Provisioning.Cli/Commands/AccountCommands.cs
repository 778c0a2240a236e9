using System.CommandLine;
using Provisioning.Core.Model;

namespace Provisioning.Cli.Commands;

/// <summary>users set-password and users roles: what makes a user an API account.</summary>
internal static class AccountCommands
{
    public static Command SetPassword(CommandContext context)
    {
        var (eid, login) = (Options.Eid(), Options.Login());
        var password = new Option<string?>("--password") { Description = "The new password (visible to other processes: prefer --password-stdin)" };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from the first line of standard input" };
        var command = new Command("set-password", "Set the password a user logs in with (requestToken)") { eid, login, password, fromStdin };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var given = parse.GetValue(fromStdin) ? await Console.In.ReadLineAsync(ct) : parse.GetValue(password);
            if (string.IsNullOrEmpty(given))
            {
                throw new UsageException("Give the new password with --password or --password-stdin.");
            }
            var changed = await session.Accounts.SetPasswordAsync(session.Caller, new TenantRef(parse.GetValue(eid), null), parse.GetValue(login), given, ct);
            if (!changed.IsOk)
            {
                return session.Fail(changed.ToResult());
            }
            await session.Console.Out.WriteLineAsync($"Password of {changed.Value.LoginName} in environment {changed.Value.Tenant.Eid} set.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Roles(CommandContext context)
    {
        var (eid, login) = (Options.Eid(), Options.Login());
        var add = new Option<string[]>("--add") { Description = "A role to give (repeat for more), e.g. Administrator" };
        var remove = new Option<string[]>("--remove") { Description = "A role to take away (repeat for more)" };
        var command = new Command("roles", "Give or take roles; without --add or --remove, show them") { eid, login, add, remove };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var environment = new TenantRef(parse.GetValue(eid), null);
            var (adding, removing) = (parse.GetValue(add) ?? [], parse.GetValue(remove) ?? []);
            var user = adding.Length + removing.Length == 0
                ? await session.Users.GetByLoginAsync(session.Caller, parse.GetValue(login), environment, ct)
                : await session.Accounts.ChangeRolesAsync(session.Caller, environment, parse.GetValue(login), adding, removing, ct);
            if (!user.IsOk)
            {
                return session.Fail(user.ToResult());
            }
            await session.Console.Out.WriteLineAsync($"Roles of {user.Value.LoginName}: {(user.Value.Roles.Count == 0 ? "(none)" : string.Join(", ", user.Value.Roles))}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
