using System.CommandLine;
using System.Globalization;
using Provisioning.Cli.Output;
using Provisioning.Core.Model;

namespace Provisioning.Cli.Commands;

/// <summary>tokens list (ids, holders and times, never a token) and tokens revoke (one by id, or all of a user).</summary>
internal static class TokenCommands
{
    public static Command Create(CommandContext context) => new("tokens", "API tokens, by id; their values are never stored or shown")
    {
        List(context), Revoke(context),
    };

    private static Command List(CommandContext context)
    {
        var (eid, json) = (Options.EidFilter(), Options.Json());
        var login = new Option<string?>("--login") { Description = "Only the tokens of this user (with --eid)" };
        var command = new Command("list", "List stored tokens: live, idle, expired or released") { eid, login, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var listed = await session.TokenAdministration.ListAsync(session.Caller, new TenantRef(parse.GetValue(eid), null), parse.GetValue(login), 10_000, ct);
            if (!listed.IsOk)
            {
                return session.Fail(listed.ToResult());
            }
            var rows = listed.Value.Select(Views.Token).Where(v => parse.GetValue(eid) is not { } e || string.Equals((string?)v["eid"], e, StringComparison.OrdinalIgnoreCase)).ToArray();
            new Printer(session.Console).List(rows, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CommandContext context)
    {
        var id = new Argument<long?>("id") { Description = "The token's id (see tokens list)", Arity = ArgumentArity.ZeroOrOne };
        var eid = Options.EidFilter();
        var login = new Option<string?>("--login") { Description = "Revoke every token of this user (with --eid) instead" };
        var command = new Command("revoke", "Revoke a token by id, or every token of a user") { id, eid, login };
        context.SetAction(command, async (session, parse, ct) =>
        {
            if (parse.GetValue(id) is { } tokenId)
            {
                var revoked = await session.TokenAdministration.RevokeAsync(session.Caller, tokenId, ct);
                if (!revoked.IsOk)
                {
                    return session.Fail(revoked);
                }
                await session.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Revoked token {tokenId}."));
                return ExitCodes.Ok;
            }
            if (parse.GetValue(login) is not { Length: > 0 } user)
            {
                throw new UsageException("Name the token by id, or a user with --eid and --login.");
            }
            var all = await session.TokenAdministration.RevokeAllAsync(session.Caller, new TenantRef(parse.GetValue(eid), null), user, ct);
            if (!all.IsOk)
            {
                return session.Fail(all.ToResult());
            }
            await session.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Revoked {all.Value} tokens of {user}."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
