using System.Net;
using System.Text.Json;
using Provisioning.Cli;
using Provisioning.Server.Tests.Infrastructure;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Scim;

/// <summary>
/// If-Match and concurrent writes on both stores: the version is compared where the write reads the user, inside its
/// transaction, so requests that all read the same version cannot all write. PostgreSQL needs PROVISIONING_TEST_PG.
/// </summary>
public sealed class ScimConcurrencyTests
{
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private const int Racers = 16;

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Patch_ManyAtOnceWithTheSameIfMatch_ExactlyOneApplied_Others412(string store)
    {
        await using var server = await StoreServer.StartAsync(store);
        var scim = await server.ClientAsync();
        var created = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"race","displayName":"Start"}""");

        var answers = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(() => scim.PatchAsync(
            $"Users/{created.Id}", $$"""{"Operations":[{"op":"replace","path":"displayName","value":"Racer {{i}}"}]}""", created.ETag))));
        var after = await scim.GetAsync($"Users/{created.Id}");

        var won = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != won), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.Status));
        Assert.Equal((won.Json.GetProperty("displayName").GetString(), won.ETag), (after.Json.GetProperty("displayName").GetString(), after.ETag));
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Patch_SeveralAtOnceWithoutIfMatch_EachAppliedToTheOthersResult(string store)
    {
        await using var server = await StoreServer.StartAsync(store);
        var scim = await server.ClientAsync();
        var created = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"adders"}""");
        string[] numbers = ["+4930100", "+4930101", "+4930102"];

        var answers = await Task.WhenAll(numbers.Select(n => Task.Run(() => scim.PatchAsync(
            $"Users/{created.Id}", $$"""{"Operations":[{"op":"add","path":"phoneNumbers","value":[{"value":"{{n}}"}]}]}"""))));
        var after = await scim.GetAsync($"Users/{created.Id}");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(numbers, after.Json.GetProperty("phoneNumbers").EnumerateArray().Select(p => p.GetProperty("value").GetString()!).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task PutAndDelete_AtOnceWithTheSameIfMatch_OneApplied_OtherRefused(string store)
    {
        await using var server = await StoreServer.StartAsync(store);
        var scim = await server.ClientAsync();
        var created = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"put-or-delete"}""");

        var answers = await Task.WhenAll(
            Task.Run(() => scim.PutAsync($"Users/{created.Id}", $$"""{{{UserSchema}},"userName":"put-or-delete","displayName":"Put"}""", created.ETag)),
            Task.Run(() => scim.DeleteAsync($"Users/{created.Id}", created.ETag)));
        var after = await scim.GetAsync($"Users/{created.Id}");

        var statuses = answers.Select(a => a.Status).ToArray();
        Assert.True(statuses is [HttpStatusCode.OK, HttpStatusCode.PreconditionFailed] or [HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound, HttpStatusCode.NoContent], string.Join(", ", answers.Select(a => $"{a.Status} {a.Body}")));
        Assert.Equal(statuses[1] == HttpStatusCode.NoContent ? HttpStatusCode.NotFound : HttpStatusCode.OK, after.Status);
    }

    /// <summary>A server of its own on the named store (a fresh PostgreSQL database, dropped at the end), with one environment and a SCIM token.</summary>
    private sealed class StoreServer : IAsyncDisposable
    {
        private const string Eid = "RACE";
        private readonly TestServer _server;
        private readonly string _provider;
        private readonly string _connectionString;
        private readonly string? _database;

        private StoreServer(TestServer server, string provider, string connectionString, string? database) =>
            (_server, _provider, _connectionString, _database) = (server, provider, connectionString, database);

        public static async Task<StoreServer> StartAsync(string provider)
        {
            string? database = null;
            string? connectionString = null;
            if (provider == "Postgres")
            {
                var cluster = TestPostgres.Require();
                database = $"scim_race_{Guid.NewGuid():N}";
                connectionString = await TestPostgres.CreateDatabaseAsync(cluster, database);
            }
            var directory = Path.Combine(Path.GetTempPath(), "provisioning-tests", Guid.NewGuid().ToString("N"));
            connectionString ??= $"Data Source={Path.Combine(directory, "race.db")}";
            var server = await TestServer.StartAsync(new Dictionary<string, string?>
            {
                ["Provisioning:Storage:Provider"] = provider,
                ["Provisioning:Storage:ConnectionString"] = connectionString,
            }, directory: directory);
            return new StoreServer(server, provider, connectionString, database);
        }

        public async Task<ScimClient> ClientAsync()
        {
            var (created, output) = await CliAsync("environments", "create", Eid, "Race");
            Assert.True(created == 0, output);
            var (exit, token) = await CliAsync("scim", "tokens", "create", Eid, "--name", "race", "--json");
            Assert.True(exit == 0, token);
            return new ScimClient(_server.Http, _server.Url(3), JsonDocument.Parse(token).RootElement.GetProperty("token").GetString()!);
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            await TestStore.DeleteAsync(_server.Directory);
            if (_database is not null)
            {
                await TestPostgres.DropDatabaseAsync(TestPostgres.ConnectionString!, _database);
            }
        }

        private async Task<(int Exit, string Output)> CliAsync(params string[] command)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            string[] args = [$"--Provisioning:Storage:Provider={_provider}", $"--Provisioning:Storage:ConnectionString={_connectionString}", .. command];
            var exit = await CliApp.RunAsync(args, new CliConsole(output, error, Interactive: false), CancellationToken.None);
            return (exit, output.ToString() + error);
        }
    }
}
