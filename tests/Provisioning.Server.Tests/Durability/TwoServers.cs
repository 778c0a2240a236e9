using Provisioning.Server.Tests.Infrastructure;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Durability;

/// <summary>
/// Two server processes on one fresh PostgreSQL database, the second started once the first has bootstrapped it.
/// Nothing starts without PROVISIONING_TEST_PG; the tests then skip (or fail under CI=true) through <see cref="Require"/>.
/// </summary>
public sealed class TwoServers : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "provisioning-tests", Guid.NewGuid().ToString("N"));
    private readonly string _database = $"provisioning_scaleout_{Guid.NewGuid():N}";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private ServerProcess? _first;
    private ServerProcess? _second;

    public async Task InitializeAsync()
    {
        if (TestPostgres.ConnectionString is not { } server)
        {
            return;
        }
        Directory.CreateDirectory(_directory);
        var settings = new Dictionary<string, string?>
        {
            ["Provisioning:Storage:Provider"] = "Postgres",
            ["Provisioning:Storage:ConnectionString"] = await TestPostgres.CreateDatabaseAsync(server, _database),
        };
        _first = await ServerProcess.StartAsync(_directory, settings);
        _second = await ServerProcess.StartAsync(_directory, settings);
    }

    /// <summary>A client of each instance (v2); skips or fails the calling test when there is no PostgreSQL server.</summary>
    public (SoapClient First, SoapClient Second) Require()
    {
        TestPostgres.Require();
        return (new SoapClient(_http, _first!.Url, 2), new SoapClient(_http, _second!.Url, 2));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { _first, _second })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }
        _http.Dispose();
        if (TestPostgres.ConnectionString is { } server)
        {
            await TestPostgres.DropDatabaseAsync(server, _database);
            Directory.Delete(_directory, recursive: true);
        }
    }
}
