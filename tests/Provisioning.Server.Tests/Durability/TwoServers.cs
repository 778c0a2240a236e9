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
    private readonly HttpClient _forwarding = new() { Timeout = TimeSpan.FromSeconds(60) };
    private ServerProcess? _first;
    private string? _connectionString;
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
            ["Provisioning:Storage:ConnectionString"] = _connectionString = await TestPostgres.CreateDatabaseAsync(server, _database),
            // No login is turned away busy on a slow machine, so the login burst's figures are exact.
            ["Provisioning:Security:HashWait"] = "00:05:00",
        };
        _first = await ServerProcess.StartAsync(_directory, settings);
        _second = await ServerProcess.StartAsync(_directory, settings);
    }

    /// <summary>The database both instances share.</summary>
    public string ConnectionString => _connectionString!;

    public HttpClient Http => _http;

    /// <summary>A client of each instance (v2); skips or fails the calling test when there is no PostgreSQL server.</summary>
    public (SoapClient First, SoapClient Second) Require()
    {
        TestPostgres.Require();
        return (new SoapClient(_http, _first!.Url, 2), new SoapClient(_http, _second!.Url, 2));
    }

    /// <summary>Clients of each instance whose requests come through a trusted proxy (loopback) for <paramref name="client"/>.</summary>
    public (SoapClient First, SoapClient Second) ForwardedFor(string client)
    {
        TestPostgres.Require();
        _forwarding.DefaultRequestHeaders.Remove("X-Forwarded-For");
        _forwarding.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return (new SoapClient(_forwarding, _first!.Url, 2), new SoapClient(_forwarding, _second!.Url, 2));
    }

    /// <summary>
    /// The login figures of both instances together, scraped until <paramref name="current"/> holds: the exporter may
    /// answer from a cache for a moment after the last request.
    /// </summary>
    public async Task<LoginFigures> LoginFiguresAsync(Func<LoginFigures, bool> current)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var figures = await LoginFigures.ScrapeAsync(_http, _first!.MetricsUrl) + await LoginFigures.ScrapeAsync(_http, _second!.MetricsUrl);
            if (current(figures) || DateTime.UtcNow > deadline)
            {
                return figures;
            }
            await Task.Delay(100);
        }
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
        _forwarding.Dispose();
        if (TestPostgres.ConnectionString is { } server)
        {
            await TestPostgres.DropDatabaseAsync(server, _database);
            Directory.Delete(_directory, recursive: true);
        }
    }
}
