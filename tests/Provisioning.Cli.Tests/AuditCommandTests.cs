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
}
