using System.Text.Json;
using Provisioning.Cli;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>Registers recorders with the command line on the server's own database, as an operator does.</summary>
public static class Recorders
{
    /// <summary>Runs "provisioning recorders add NAME --eid … --json" and returns a feed client holding the secret it printed.</summary>
    public static Task<FeedClient> AddAsync(TestServer server, string name, params string[] eids) =>
        AddAsync(TestStore.Provider, server.StorageConnectionString, server.Http, server.Url(3), name, eids);

    /// <summary>As <see cref="AddAsync(TestServer, string, string[])"/>, with a push URL.</summary>
    public static Task<FeedClient> AddPushedAsync(TestServer server, string name, Uri pushUrl, params string[] eids) =>
        RunAddAsync(TestStore.Provider, server.StorageConnectionString, server.Http, server.Url(3), name, [.. eids.SelectMany(e => new[] { "--eid", e }), "--push-url", pushUrl.ToString()]);

    public static Task<FeedClient> AddAsync(string provider, string connectionString, HttpClient http, Uri api, string name, params string[] eids) =>
        RunAddAsync(provider, connectionString, http, api, name, eids.SelectMany(e => new[] { "--eid", e }).ToArray());

    /// <summary>Runs the command line on the server's database, as an operator in another process would; returns its exit code and what it printed.</summary>
    public static Task<(int Exit, string Output)> CliAsync(TestServer server, params string[] command) =>
        CliAsync(TestStore.Provider, server.StorageConnectionString, command);

    private static async Task<(int Exit, string Output)> CliAsync(string provider, string connectionString, string[] command)
    {
        string[] args =
        [
            $"--Provisioning:Storage:Provider={provider}",
            $"--Provisioning:Storage:ConnectionString={connectionString}",
            .. command,
        ];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error, Interactive: false), CancellationToken.None);
        return (exit, output.ToString() + error);
    }

    private static async Task<FeedClient> RunAddAsync(string provider, string connectionString, HttpClient http, Uri api, string name, string[] options)
    {
        var (exit, output) = await CliAsync(provider, connectionString, ["recorders", "add", name, .. options, "--json"]);
        Assert.True(exit == 0, output);
        var secret = JsonDocument.Parse(output).RootElement.GetProperty("secret").GetString()!;
        return new FeedClient(http, api, name, secret);
    }
}
