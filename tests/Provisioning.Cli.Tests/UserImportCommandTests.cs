using Provisioning.Cli.Tests.Infrastructure;
using Provisioning.Core.Storage;

namespace Provisioning.Cli.Tests;

/// <summary>
/// import users: new users are created many to a transaction, yet every row is answered as a create of its own would
/// be, in the file's order; a number that exists is taken over as before, a bad row is refused with its message.
/// </summary>
public sealed class UserImportCommandTests
{
    private const string Header = "eid,loginName,displayName,locked,extensions";

    [Fact]
    public async Task Import_ManyNewUsersWithBadAndTakingOverRows_EachRowAnsweredAndTheRestCreated()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("users", "create", "0000", "holder");
        await db.RunOkAsync("extensions", "create", "0000", "+4930999", "--user", "holder");
        var rows = Enumerable.Range(0, 1200).Select(i => $"0000,bulk-{i},User {i},false,+4930{i:D6}").ToList();
        rows[10] = "0000,bulk-10,User 10,maybe,+4930000010";
        rows[600] = "0000,bulk-600,User 600,false,+4930999";
        rows[700] = "0000,bulk-700,User 700,false,+4930000699";
        rows[1100] = "ZZ99,bulk-1100,User 1100,false,";
        var file = db.PathOf("users.csv");
        await File.WriteAllTextAsync(file, Header + "\n" + string.Join("\n", rows) + "\n");

        var result = await db.RunAsync("import", "users", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 12: user.locked 'maybe' is not valid", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 1102: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("1198 created, 0 updated, 0 unchanged, 2 rejected", result.Out, StringComparison.Ordinal);
        await using var store = db.OpenStore();
        var tenant = (await store.Tenants.FindByEidAsync("0000", CancellationToken.None))!;
        async Task<string[]> NumbersOf(string login) =>
            (await store.Users.FindByLoginAsync(tenant.Id, login, UserParts.All, CancellationToken.None))!.Extensions.Select(e => e.Address!).ToArray();
        Assert.Equal(["+4930000000"], await NumbersOf("bulk-0"));
        Assert.Equal(["+4930999"], await NumbersOf("bulk-600"));
        Assert.Empty(await NumbersOf("holder"));
        Assert.Empty(await NumbersOf("bulk-699"));
        Assert.Equal(["+4930000699"], await NumbersOf("bulk-700"));
        Assert.Equal(["+4930001199"], await NumbersOf("bulk-1199"));
        Assert.Null(await store.Users.FindByLoginAsync(tenant.Id, "bulk-10", UserParts.None, CancellationToken.None));
        var audited = await store.Audit.ListAsync(new Core.Audit.AuditQuery(Eid: "0000", Entity: Core.Audit.AuditChange.User), 5000, CancellationToken.None);
        // One entry per created user; the two that took a number over were created, then updated to take it.
        Assert.Equal(1198 + 2, audited.Count(e => e.Key.StartsWith("bulk-", StringComparison.Ordinal)));
    }
}
