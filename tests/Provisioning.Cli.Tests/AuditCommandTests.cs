using Provisioning.Cli.Tests.Infrastructure;

namespace Provisioning.Cli.Tests;

/// <summary>Changes the tool makes are audited as the operator; audit list and export read them back.</summary>
public sealed class AuditCommandTests
{
    [Fact]
    public async Task ChangesByTheTool_AreAuditedAsTheOperator_AndListedAndExported()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("extensions", "create", "0000", "+4930444");
        await db.RunOkAsync("import", "extensions", ExtensionFiles.Write(db.PathOf("few.csv"), 3));

        var listed = (await db.RunOkAsync("audit", "list", "--eid", "0000", "--entity", "extension", "--json")).Json();
        await db.RunOkAsync("audit", "export", db.PathOf("audit.jsonl"), "--format", "jsonl", "--eid", "0000");
        await db.RunOkAsync("audit", "export", db.PathOf("audit.csv"));
        var page = (await db.RunOkAsync("audit", "list", "--after-id", listed[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json")).Json();

        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal(("cli:" + Environment.UserName, "cli:extensions create", "+4930444"), (listed[0].GetProperty("login").GetString(), listed[0].GetProperty("operation").GetString(), listed[0].GetProperty("key").GetString()));
        Assert.Equal(("cli:import extensions", "import"), (listed[1].GetProperty("operation").GetString(), listed[1].GetProperty("key").GetString()));
        var lines = await File.ReadAllLinesAsync(db.PathOf("audit.jsonl"));
        Assert.True(lines.Length >= 4, string.Join('\n', lines));
        Assert.StartsWith("id,at,eid,login,tokenId,operation,entity,key,before,after", await File.ReadAllTextAsync(db.PathOf("audit.csv")), StringComparison.Ordinal);
        Assert.DoesNotContain(page.EnumerateArray(), e => e.GetProperty("id").GetInt64() <= listed[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Archive_ThenListAndVerifyWithTheArchiveFolder_ShowTheWholeHistoryAsOneChain()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("extensions", "create", "0000", "+4930555");
        var before = (await db.RunOkAsync("audit", "list", "--json")).Json().GetArrayLength();
        Directory.CreateDirectory(db.PathOf("archive"));

        var archived = (await db.RunOkAsync("audit", "archive", "--before", "2100-01-01T00:00:00Z", db.PathOf("archive/all.jsonl.gz"), "--json")).Json();
        await db.RunOkAsync("extensions", "create", "0000", "+4930556");
        var live = (await db.RunOkAsync("audit", "list", "--json")).Json();
        var all = (await db.RunOkAsync("audit", "list", "--archive", db.PathOf("archive"), "--json")).Json();
        var verified = (await db.RunOkAsync("audit", "verify", "--archive", db.PathOf("archive"), "--json")).Json();

        Assert.Equal(before, archived.GetProperty("archived").GetInt32());
        Assert.Equal(["archive", "+4930556"], live.EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.Equal(before + 2, all.GetArrayLength());
        Assert.Equal([true, true], verified.EnumerateArray().Select(p => p.GetProperty("intact").GetBoolean()));
    }

    [Fact]
    public async Task Verify_EntryRemovedPastTheTriggers_NamesTheEntryAfterItAndExitsOne()
    {
        await using var db = await CliDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await db.RunOkAsync("extensions", "create", "0000", $"+493066{i}");
        }
        await db.RunOkAsync("audit", "verify");
        var ids = (await db.RunOkAsync("audit", "list", "--json")).Json().EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = {ids[^2]}";
            await command.ExecuteNonQueryAsync();
        }

        var result = await db.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"BROKEN at entry {ids[^1]} ", result.Out, StringComparison.Ordinal);
    }
}
