using System.Globalization;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Audit;
using Provisioning.Core.Storage;
using Provisioning.Server.Tests.Infrastructure;
using Provisioning.Tests.Shared;
using Xunit.Abstractions;

namespace Provisioning.Server.Tests.Fuzz;

/// <summary>
/// Mutates every golden request (PROVISIONING_FUZZ_ITERATIONS times in all, 2,000 by default; PROVISIONING_FUZZ_SEED
/// repeats a run) and checks each answer: a well-formed SOAP response or fault (never S:Server), or a 4xx; a
/// rejected request leaves the audit log, and so the data, unchanged; the server answers to the end.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MutatedGoldenRequests_AnsweredCleanly_AndRejectedOnesChangeNothing()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("PROVISIONING_FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 2000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PROVISIONING_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        output.WriteLine($"PROVISIONING_FUZZ_SEED={seed} PROVISIONING_FUZZ_ITERATIONS={iterations}");
        var random = new Random(seed);
        await using var server = await TestServer.StartAsync();
        var client = server.Client();
        var token = await client.TokenAsync();
        for (var i = 2; i <= 4; i++)
        {
            await Provision.UserAsync(client, token, $"fuzz-user-{i}");
        }
        await Provision.EnvironmentAsync(client, token, "0001");
        // releaseToken gets a token of its own, so a mutation that still releases does not end the others' token.
        var requests = GoldenRequests(token, await client.TokenAsync());
        var audit = server.Services.GetRequiredService<IProvisioningStore>().Audit;
        var tally = new Dictionary<string, int>();

        for (var i = 0; i < iterations; i++)
        {
            var (mutation, body) = Mutator.Mutate(requests[random.Next(requests.Count)], random);
            var before = await CountAsync(audit);
            var (status, text) = await PostAsync(server, body);
            var verdict = Judge(status, text);
            tally[verdict] = tally.GetValueOrDefault(verdict) + 1;
            Assert.True(verdict != "bad", $"Iteration {i} ({mutation}, seed {seed}) got {status}: {text[..Math.Min(text.Length, 500)]}");
            if (verdict != "ok")
            {
                Assert.True(before == await CountAsync(audit), $"Iteration {i} ({mutation}, seed {seed}) was rejected ({verdict}) but changed data");
            }
        }

        output.WriteLine(string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));
        // A mutated releaseToken may have released the fuzzing token: the server must still serve a new one.
        Assert.Equal("OK", (await client.CallAsync("getEnvironmentByEid", $"<token>{await client.TokenAsync()}</token><eid>0000</eid>")).StatusCode);
    }

    /// <summary>ok, status (a business refusal), fault (S:Client, S:VersionMismatch, S:MustUnderstand), 4xx, or bad.</summary>
    private static string Judge(int status, string body)
    {
        if (status is >= 400 and < 500)
        {
            return "4xx";
        }
        try
        {
            var document = XDocument.Parse(body);
            var fault = document.Descendants("faultcode").FirstOrDefault()?.Value;
            if (status == 500 && fault is "S:Client" or "S:VersionMismatch" or "S:MustUnderstand")
            {
                return "fault";
            }
            var statusCode = document.Descendants("return").FirstOrDefault() is { } r ? (r.Element("status") ?? r).Element("statusCode")?.Value : null;
            return status == 200 && statusCode is not null ? (statusCode == "OK" ? "ok" : "status") : "bad";
        }
        catch (System.Xml.XmlException)
        {
            return "bad";
        }
    }

    private static async Task<(int Status, string Body)> PostAsync(TestServer server, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        using var response = await server.Http.PostAsync(server.Url(), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> CountAsync(IAuditStore audit) => (await audit.ListAsync(new AuditQuery(), int.MaxValue, CancellationToken.None)).Count;

    private static List<byte[]> GoldenRequests(string token, string releasable) =>
        Directory.GetFiles(RepoPaths.Spec(Path.Combine("examples", "v2")), "*.request.xml")
            .Select(f => System.Text.Encoding.UTF8.GetBytes(Infrastructure.Golden.WithToken(File.ReadAllText(f), f.Contains("releaseToken", StringComparison.Ordinal) ? releasable : token)))
            .ToList();
}
