using System.Text;
using Provisioning.Cli.Tests.Infrastructure;
using Provisioning.Core.Recorders;

namespace Provisioning.Cli.Tests;

/// <summary>recorders add, list, show, rotate-secret and remove: the secret is printed once and stored only as its hash; every change is audited.</summary>
public sealed class RecorderCommandTests
{
    [Fact]
    public async Task Add_WithJson_PrintsTheSecretOnce_StoredOnlyAsItsHash()
    {
        await using var db = await CliDatabase.CreateAsync();

        var added = (await db.RunOkAsync("recorders", "add", "rec-a", "--eid", "0000", "--push-url", "https://rec-a.example/config", "--json")).Json();
        var shown = (await db.RunOkAsync("recorders", "show", "REC-A", "--json")).Json();
        var audit = (await db.RunOkAsync("audit", "list", "--json")).Out;

        var secret = added.GetProperty("secret").GetString()!;
        Assert.Equal("rec-a", added.GetProperty("name").GetString());
        Assert.Equal(43, secret.Length);
        Assert.False(shown.TryGetProperty("secret", out _));
        Assert.Equal("https://rec-a.example/config", shown.GetProperty("pushUrl").GetString());
        Assert.DoesNotContain(secret, audit, StringComparison.Ordinal);
        Assert.Contains("\"entity\": \"recorder\"", audit, StringComparison.Ordinal);
        await using var store = db.OpenStore();
        var stored = await store.Recorders.Reads.FindWithSecretAsync("rec-a", CancellationToken.None);
        Assert.True(RecorderSecrets.Matches(secret, stored!.Value.SecretHash));
        Assert.DoesNotContain(Encoding.UTF8.GetBytes(secret), SearchableBytes(db));
    }

    [Fact]
    public async Task List_AfterAnExtensionChangeAndAnImport_ShowsHigherRevisionsNotApplied()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("recorders", "add", "rec-b", "--eid", "0000");
        var before = (await db.RunOkAsync("recorders", "list", "--json")).Json()[0].GetProperty("revision").GetInt64();

        await db.RunOkAsync("extensions", "create", "0000", "+4930777");
        var after = (await db.RunOkAsync("recorders", "list", "--json")).Json()[0];
        await db.RunOkAsync("import", "extensions", ExtensionFiles.Write(db.PathOf("few.csv"), 3));
        var imported = (await db.RunOkAsync("recorders", "list", "--json")).Json()[0].GetProperty("revision").GetInt64();

        Assert.True(after.GetProperty("revision").GetInt64() > before);
        Assert.True(imported > after.GetProperty("revision").GetInt64());
        Assert.False(after.GetProperty("upToDate").GetBoolean());
    }

    [Fact]
    public async Task RotateAndRemove_UnknownOrTaken_AreRefused()
    {
        await using var db = await CliDatabase.CreateAsync();
        var first = (await db.RunOkAsync("recorders", "add", "rec-c", "--eid", "0000", "--json")).Json().GetProperty("secret").GetString()!;

        var duplicate = await db.RunAsync("recorders", "add", "REC-C", "--eid", "0000");
        var unknownEid = await db.RunAsync("recorders", "add", "rec-d", "--eid", "zz98");
        var rotated = (await db.RunOkAsync("recorders", "rotate-secret", "rec-c", "--json")).Json().GetProperty("secret").GetString()!;
        await using (var store = db.OpenStore())
        {
            var stored = (await store.Recorders.Reads.FindWithSecretAsync("rec-c", CancellationToken.None))!.Value.SecretHash;
            Assert.False(RecorderSecrets.Matches(first, stored));
            Assert.True(RecorderSecrets.Matches(rotated, stored));
        }
        await db.RunOkAsync("recorders", "remove", "rec-c");
        var gone = await db.RunAsync("recorders", "show", "rec-c");

        Assert.Equal((1, 1, 1), (duplicate.ExitCode, unknownEid.ExitCode, gone.ExitCode));
        Assert.Contains("already exists", duplicate.Error, StringComparison.Ordinal);
        Assert.Contains("zz98", unknownEid.Error, StringComparison.Ordinal);
    }

    /// <summary>The database file and its WAL as they are on disk.</summary>
    private static byte[] SearchableBytes(CliDatabase db) =>
        [.. Directory.GetFiles(db.Folder, "provisioning.db*").SelectMany(File.ReadAllBytes)];
}
