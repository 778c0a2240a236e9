using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>
/// The real server, in process, on Kestrel with system-chosen loopback ports and its own database (see
/// <see cref="TestStore"/>: a SQLite file in a temporary folder, or a PostgreSQL database of that folder). Passwords are
/// hashed with few iterations to keep tests fast; everything else is as configured in production.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string AdminLogin = "admin";
    public const string AdminPassword = "admin-password-for-tests";

    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;

    private TestServer(WebApplication app, string directory, bool ownsDirectory, FakeTimeProvider? time)
    {
        _app = app;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Time = time;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "provisioning.db");

    /// <summary>The connection string of the server's database, whichever the store.</summary>
    public string StorageConnectionString => TestStore.ConnectionString(Directory);

    public FakeTimeProvider? Time { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestServer> StartAsync(
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        string? directory = null,
        LogSink? logs = null)
    {
        var ownsDirectory = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "provisioning-tests", Guid.NewGuid().ToString("N"));
        await TestStore.PrepareAsync(directory);
        var config = Defaults(directory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var app = ProvisioningServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Trace);
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
            if (time is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(time);
            }
        });
        await ProvisioningServer.StartAsync(app);
        return new TestServer(app, directory, ownsDirectory, time);
    }

    public static Dictionary<string, string?> Defaults(string directory) => new()
    {
        ["Provisioning:UrlTemplate"] = "http://127.0.0.1:{port}/provisioning",
        ["Provisioning:PortRangeStart"] = "0",
        ["Provisioning:Storage:Provider"] = TestStore.Provider,
        ["Provisioning:Storage:ConnectionString"] = TestStore.ConnectionString(directory),
        ["Provisioning:Bootstrap:AdminLogin"] = AdminLogin,
        ["Provisioning:Bootstrap:AdminPassword"] = AdminPassword,
        ["Provisioning:Security:PasswordHashIterations"] = "1000",
        ["Provisioning:Management:Port"] = "0",
    };

    public Uri Url(int version = 2)
    {
        var port = _app.Services.GetRequiredService<VersionListeners>().PortOf(version);
        return new Uri($"http://127.0.0.1:{port}/provisioning");
    }

    public SoapClient Client(int version = 2) => new(Http, Url(version), version);

    /// <summary>The management listener: /healthz, /readyz, /metrics.</summary>
    public Uri ManagementUrl(string path) =>
        new($"http://127.0.0.1:{_app.Services.GetRequiredService<VersionListeners>().ManagementPort}{path}");

    /// <summary>Stops the server but keeps its database, so another can start on it.</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
            // Stopped already.
        }
        Http.Dispose();
        if (_ownsDirectory)
        {
            await TestStore.DeleteAsync(Directory);
        }
    }
}
