using System.CommandLine;
using Provisioning.Cli.Output;
using Provisioning.Core.Scim;

namespace Provisioning.Cli.Commands;

/// <summary>
/// scim tokens create, list, revoke: the bearer tokens an identity provider (Entra ID, Okta) reaches /scim/v2/ with,
/// one environment each; a token's value is printed once, when created (docs/SCIM.md).
/// </summary>
internal static class ScimCommands
{
    public static Command Create(CommandContext context) => new("scim", "The SCIM 2.0 service identity providers provision users and groups through")
    {
        new Command("tokens", "Bearer tokens of the SCIM service, one environment each") { CreateToken(context), List(context), Revoke(context) },
    };

    private static Argument<string> Eid() => new("eid") { Description = "The environment the token provisions" };

    private static Command CreateToken(CommandContext context)
    {
        var (eid, json) = (Eid(), Options.Json());
        var name = new Option<string?>("--name") { Description = $"The token's name, unique in its environment; audited as scim:NAME (default {ScimTokenService.DefaultName})" };
        var command = new Command("create", "Create a token and print it, once") { eid, name, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var created = await session.ScimTokens.CreateAsync(session.Caller, parse.GetValue(eid), parse.GetValue(name), ct);
            if (!created.IsOk)
            {
                return session.Fail(created.ToFailure());
            }
            if (parse.GetValue(json))
            {
                await session.Console.Out.WriteLineAsync(Printer.ToJson(new View { ["token"] = created.Value.Bearer }));
                return ExitCodes.Ok;
            }
            var token = created.Value.Token;
            await session.Console.Out.WriteLineAsync($"SCIM token {token.Name} of environment {token.Eid}: it is shown this once, keep it now:");
            await session.Console.Out.WriteLineAsync(created.Value.Bearer);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CommandContext context)
    {
        var eid = new Argument<string?>("eid") { Description = "Only this environment's tokens", Arity = ArgumentArity.ZeroOrOne };
        var json = Options.Json();
        var command = new Command("list", "List tokens (never their values)") { eid, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var listed = await session.ScimTokens.ListAsync(session.Caller, parse.GetValue(eid), ct);
            if (!listed.IsOk)
            {
                return session.Fail(listed.ToFailure());
            }
            new Printer(session.Console).List(listed.Value.Select(View).ToArray(), parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CommandContext context)
    {
        var eid = Eid();
        var name = new Argument<string>("name") { Description = "The token's name" };
        var command = new Command("revoke", "Revoke a token: requests bearing it are refused from now on") { eid, name };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var revoked = await session.ScimTokens.RevokeAsync(session.Caller, parse.GetValue(eid), parse.GetValue(name), ct);
            if (!revoked.IsOk)
            {
                return session.Fail(revoked);
            }
            await session.Console.Out.WriteLineAsync($"Revoked SCIM token {parse.GetValue(name)} of environment {parse.GetValue(eid)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static View View(ScimToken t) => new()
    {
        ["eid"] = t.Eid,
        ["name"] = t.Name,
        ["createdAt"] = t.CreatedAt,
    };
}
