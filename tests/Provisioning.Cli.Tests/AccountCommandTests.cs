using Provisioning.Cli.Tests.Infrastructure;
using Provisioning.Core.Security;

namespace Provisioning.Cli.Tests;

/// <summary>set-password and roles make an API user; tokens are listed by id and revoked.</summary>
public sealed class AccountCommandTests
{
    [Fact]
    public async Task SetPasswordAndRole_ThenRequestToken_LogsIn()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("users", "create", "0000", "carol");

        var roles = await db.RunOkAsync("users", "roles", "0000", "carol", "--add", "Administrator");
        await db.RunOkAsync("users", "set-password", "0000", "carol", "--password", "s3cret!");

        Assert.Contains("Roles of carol: Administrator", roles.Out, StringComparison.Ordinal);
        await using var store = db.OpenStore();
        var tokens = CliDatabase.Tokens(store);
        Assert.True((await tokens.RequestAsync("0000", "carol", "s3cret!", LoginAttemptKey.Local, CancellationToken.None)).IsOk);
        Assert.False((await tokens.RequestAsync("0000", "carol", "wrong", LoginAttemptKey.Local, CancellationToken.None)).IsOk);
    }

    [Fact]
    public async Task RolesRemove_LastSystemAdministrator_IsRefusedWithExitOne()
    {
        await using var db = await CliDatabase.CreateAsync();

        var result = await db.RunAsync("users", "roles", "0000", "admin", "--remove", "System Administrator");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("last unlocked System Administrator", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_ListShowsIdsNeverValues_AndRevokeEndsTheToken()
    {
        await using var db = await CliDatabase.CreateAsync();
        string token;
        await using (var store = db.OpenStore())
        {
            token = (await CliDatabase.Tokens(store).RequestAsync("0000", "admin", CliDatabase.AdminPassword, LoginAttemptKey.Local, CancellationToken.None)).Value;
        }

        var listed = await db.RunOkAsync("tokens", "list", "--json");
        var id = listed.Json()[0].GetProperty("id").GetInt64();
        await db.RunOkAsync("tokens", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var after = (await db.RunOkAsync("tokens", "list", "--json")).Json();

        Assert.DoesNotContain(token, listed.Out, StringComparison.Ordinal);
        Assert.Equal(("admin", "live"), (listed.Json()[0].GetProperty("loginName").GetString(), listed.Json()[0].GetProperty("state").GetString()));
        Assert.Equal("released", after[0].GetProperty("state").GetString());
        await using var reopened = db.OpenStore();
        Assert.False((await CliDatabase.Tokens(reopened).AuthenticateAsync(token, CancellationToken.None)).IsOk);
        Assert.Equal(1, (await db.RunAsync("tokens", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExitCode);
    }
}
