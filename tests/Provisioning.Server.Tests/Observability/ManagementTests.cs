using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Observability;

/// <summary>The management port: health, readiness (the database answers) and Prometheus metrics.</summary>
public sealed class ManagementTests
{
    [Fact]
    public async Task Healthz_And_Readyz_AnswerOkWhileTheDatabaseIsThere()
    {
        await using var server = await TestServer.StartAsync();

        using var health = await server.Http.GetAsync(server.ManagementUrl("/healthz"));
        using var ready = await server.Http.GetAsync(server.ManagementUrl("/readyz"));

        Assert.Equal((200, 200), ((int)health.StatusCode, (int)ready.StatusCode));
    }

    [Fact]
    public async Task Readyz_DatabaseGone_503WhileHealthzStaysOk()
    {
        await using var server = await TestServer.StartAsync();
        await TestStore.MakeUnreachableAsync(server.Directory);

        using var ready = await server.Http.GetAsync(server.ManagementUrl("/readyz"));
        using var health = await server.Http.GetAsync(server.ManagementUrl("/healthz"));

        Assert.Equal((503, 200), ((int)ready.StatusCode, (int)health.StatusCode));
    }

    [Fact]
    public async Task Readyz_FailingRepeatedly_LogsEachReasonOnce()
    {
        var logs = new LogSink();
        await using var server = await TestServer.StartAsync(logs: logs);
        await TestStore.MakeUnreachableAsync(server.Directory);

        for (var i = 0; i < 10; i++)
        {
            using var ready = await server.Http.GetAsync(server.ManagementUrl("/readyz"));
            Assert.Equal(503, (int)ready.StatusCode);
        }

        // On PostgreSQL the first probe may still meet a pooled connection the server closed (one reason), the others
        // the refusal of new ones (another): one line per reason, not per probe.
        Assert.InRange(logs.Lines.Count(line => line.Contains("Not ready: ", StringComparison.Ordinal)), 1, 2);
    }

    [Fact]
    public async Task Metrics_AfterRequests_CountByOperationAndStatusWithLatencyAndBatches()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.Client();
        var token = await client.TokenAsync();
        await Provision.ExtensionAsync(client, token, "metered@x");
        await client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>0000</eid><extension>metered@x</extension></extension>");
        await client.CallAsync("fooBar", "");

        var metrics = await server.Http.GetStringAsync(server.ManagementUrl("/metrics"));

        // Counts are at least one, not exactly one: a meter is found by its name process-wide, so test servers running
        // in parallel in this process add to each other's series (a production process has one server).
        Assert.Matches("provisioning_requests_total\\{[^}]*operation=\"createExtension\"[^}]*status=\"OK\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("provisioning_requests_total\\{[^}]*operation=\"createExtension\"[^}]*status=\"ERROR_ALREADY_EXISTS\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("provisioning_requests_total\\{[^}]*status=\"S:Client\"[^}]*\\} [1-9]", metrics);
        Assert.Contains("provisioning_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        if (!TestStore.IsPostgres)
        {
            // Only the SQLite store batches writes into shared commits.
            Assert.Contains("provisioning_store_commit_batch", metrics, StringComparison.Ordinal);
        }
        Assert.Contains("provisioning_tokens_live", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SoapPort_DoesNotServeManagementPaths()
    {
        await using var server = await TestServer.StartAsync();

        using var metrics = await server.Http.GetAsync(new Uri(server.Url(), "/metrics"));

        Assert.Equal(404, (int)metrics.StatusCode);
    }
}
