using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Provisioning.Core.Audit;
using Provisioning.Core.Storage;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Audit;

/// <summary>Every successful change is recorded with who, how, what, before and after; refusals record nothing.</summary>
public sealed class AuditLogTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _client = shared.Client;

    [Fact]
    public async Task CreateThenUpdateExtension_RecordsActorOperationKeyBeforeAndAfter()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "audited@x", eid);
        await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>audited@x</extension><recordingMode>ON_DEMAND</recordingMode></extension>");

        var entries = (await EntriesAsync(eid)).Where(e => e.Entity == AuditChange.Extension).ToList();

        Assert.Equal(["v2:createExtension", "v2:updateExtension"], entries.Select(e => e.Operation));
        Assert.All(entries, e => Assert.Equal(($"{eid}:admin-{eid}", "audited@x"), (e.Login, e.Key)));
        Assert.All(entries, e => Assert.NotNull(e.TokenId));
        Assert.Null(entries[0].Before);
        Assert.Equal("full", Field(entries[1].Before!, "mode"));
        Assert.Equal("onDemand", Field(entries[1].After!, "mode"));
        Assert.Equal(["id", "mode", "media"], Names(entries[0].After!));
        Assert.Equal([["id", "mode"], ["id", "mode"]], new[] { entries[1].Before!, entries[1].After! }.Select(Names));
        Assert.DoesNotContain(token, string.Concat(entries.Select(e => e.Before + e.After + e.Login)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedChange_RecordsNothing()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "once@x", eid);
        var before = (await EntriesAsync(eid)).Count;

        await _client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>once@x</extension></extension>");
        await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>never@x</extension></extension>");

        Assert.Equal(before, (await EntriesAsync(eid)).Count);
    }

    [Fact]
    public async Task UserWithPassword_AuditedWithoutAnyPasswordDigest()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.UserAsync(_client, token, "secretive", eid, more: $"<passwordHash>{Provision.Md5("hunter2")}</passwordHash>");

        var user = (await EntriesAsync(eid)).Last(e => e.Entity == AuditChange.User);

        Assert.Equal(("secretive", "v2:createUser"), (user.Key, user.Operation));
        Assert.DoesNotContain(Provision.Md5("hunter2"), user.After, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pbkdf2", user.After, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateUser_PlusAndNonAsciiLetters_AreStoredAsTheyAre()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.UserAsync(_client, token, "plain", eid, more: "<displayName>Jürgen +49 Weiß</displayName>");

        var user = (await EntriesAsync(eid)).Last(e => e.Entity == AuditChange.User);

        Assert.Contains("\"displayName\":\"Jürgen +49 Weiß\"", user.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditTable_RefusesUpdateAndDeleteEvenOutsideTheApi()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "immutable@x", eid);
        string[] changes = TestStore.IsPostgres
            ? ["UPDATE audit_log SET login = 'forged'", "DELETE FROM audit_log", "TRUNCATE audit_log"]
            : ["UPDATE audit_log SET login = 'forged'", "DELETE FROM audit_log"];

        foreach (var change in changes)
        {
            Assert.Contains("append-only", await RefusalAsync(change), StringComparison.Ordinal);
        }
        Assert.Contains(await EntriesAsync(eid), e => e.Key == "immutable@x" && e.Login != "forged");
    }

    private Task<IReadOnlyList<AuditEntry>> EntriesAsync(string eid) =>
        shared.Server.Services.GetRequiredService<IProvisioningStore>().Audit.ListAsync(new AuditQuery(Eid: eid), 1000, CancellationToken.None);

    /// <summary>Runs <paramref name="sql"/> on the server's database directly, as an operator could; returns why it was refused.</summary>
    private async Task<string> RefusalAsync(string sql)
    {
        if (TestStore.IsPostgres)
        {
            await using var pg = new NpgsqlConnection(shared.Server.StorageConnectionString);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(sql, pg);
            return (await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync())).MessageText;
        }
        using var connection = new SqliteConnection($"Data Source={shared.Server.DatabasePath};Pooling=False");
        connection.Open();
        using var sqlite = connection.CreateCommand();
        sqlite.CommandText = sql;
        return Assert.Throws<SqliteException>(() => sqlite.ExecuteNonQuery()).Message;
    }

    private static string? Field(string json, string name) => JsonDocument.Parse(json).RootElement.GetProperty(name).GetString();

    private static string[] Names(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name)];
}
