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

    public static async Task<FeedClient> AddAsync(string provider, string connectionString, HttpClient http, Uri api, string name, params string[] eids)
    {
        string[] args =
        [
            $"--Provisioning:Storage:Provider={provider}",
            $"--Provisioning:Storage:ConnectionString={connectionString}",
            "recorders", "add", name, .. eids.SelectMany(e => new[] { "--eid", e }), "--json",
        ];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error, Interactive: false), CancellationToken.None);
        Assert.True(exit == 0, error.ToString());
        var secret = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("secret").GetString()!;
        return new FeedClient(http, api, name, secret);
    }
}
