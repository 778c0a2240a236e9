using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Recorders;
using Provisioning.Core.Security;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>samples/ReferenceRecorder as a process against the server: it follows SOAP changes, and takes only signed pushes.</summary>
public sealed class ReferenceRecorderTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _v3 = shared.Server.Client(3);

    [Fact]
    public async Task Recorder_SoapCreatesUpdatesDeletes_CopyConvergesToTheFeedAndReportedApplied()
    {
        var (eid, token, feed) = await TenantWithRecorderAsync();
        await CallOkAsync("createExtension", token, $"<extension><eid>{eid}</eid><extensionId>a@ref</extensionId><recordingMode>ON_DEMAND</recordingMode>{Voice(1, 2)}</extension>");
        await CallOkAsync("createExtension", token, $"<extension><eid>{eid}</eid><extensionId>b@ref</extensionId></extension>");
        await using var recorder = RecorderProcess.Start(shared.Server.Url(3), feed);
        await recorder.AppliedAsync((await feed.GetAsync()).Revision, "full");

        await CallOkAsync("updateExtension", token, $"<extension><eid>{eid}</eid><extensionId>a@ref</extensionId><recordingMode>FULL</recordingMode>{Voice(3)}</extension>");
        await CallOkAsync("deleteExtension", token, $"<extension><eid>{eid}</eid><extensionId>b@ref</extensionId></extension>");
        await CallOkAsync("createExtension", token, $"<extension><eid>{eid}</eid><extensionId>c@ref</extensionId><recordingMode>FULL</recordingMode></extension>");
        var server = await feed.GetAsync();
        var applied = await recorder.AppliedAsync(server.Revision, "delta");
        var copy = JsonDocument.Parse(await File.ReadAllTextAsync(recorder.DumpPath)).RootElement;

        Assert.Equal((server.Revision, server.Revision), (applied, copy.GetProperty("revision").GetInt64()));
        var expected = ByAddress(server.Json);
        var actual = ByAddress(copy);
        Assert.Equal(["a@ref", "c@ref"], actual.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.True(JsonElement.DeepEquals(e.Value, actual[e.Key]), $"{e.Value} != {actual[e.Key]}"));
        var shown = await shared.Server.Services.GetRequiredService<RecorderService>().ShowAsync(Caller.System, feed.Name, CancellationToken.None);
        Assert.Equal(server.Revision, shown.Value.Recorder.AppliedRevision);
    }

    [Fact]
    public async Task Recorder_Pushed_AppliedOnlyWithTheSignatureOfItsSecretOverTheExactBody()
    {
        var (eid, token, feed) = await TenantWithRecorderAsync();
        await CallOkAsync("createExtension", token, $"<extension><eid>{eid}</eid><extensionId>p@ref</extensionId><recordingMode>ON_DEMAND</recordingMode></extension>");
        await using var recorder = RecorderProcess.Start(shared.Server.Url(3), feed, "--listen", "http://127.0.0.1:0/push");
        var pushUrl = new Uri((await recorder.LineAsync(new Regex(@"^listening for pushes on (\S+)$"))).Groups[1].Value);
        var current = await feed.GetAsync();
        await recorder.AppliedAsync(current.Revision, "full");
        var body = Encoding.UTF8.GetBytes(current.Body);
        var changed = Encoding.UTF8.GetBytes(current.Body.Replace("ON_DEMAND", "FULL", StringComparison.Ordinal));

        var refused = new[]
        {
            await PushAsync(pushUrl, current.Revision, body, Sign(feed.Secret + "x", body)),
            await PushAsync(pushUrl, current.Revision, changed, Sign(feed.Secret!, body)),
            await PushAsync(pushUrl, current.Revision, body, null),
        };
        var afterRefused = await File.ReadAllTextAsync(recorder.DumpPath);
        var accepted = await PushAsync(pushUrl, current.Revision, body, Sign(feed.Secret!, body));
        var pushed = await recorder.AppliedAsync(current.Revision, "push");

        Assert.All(refused, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Contains("ON_DEMAND", afterRefused, StringComparison.Ordinal);
        Assert.DoesNotContain("FULL", afterRefused, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NoContent, current.Revision), (accepted, pushed));
    }

    [Fact]
    public async Task Recorder_ServerPushesThroughApply_SignatureVerifiedAndCopyReplaced()
    {
        var (eid, token) = await shared.TenantAsync();
        var pushUrl = RecorderProcess.FreeLoopbackUrl("/push");
        var feed = await Recorders.AddPushedAsync(shared.Server, Provision.Unique("rec"), pushUrl, eid);
        await using var recorder = RecorderProcess.Start(shared.Server.Url(3), feed, "--listen", pushUrl.ToString());
        await recorder.LineAsync(new Regex("^listening for pushes on "));
        await CallOkAsync("createExtension", token, $"<extension><eid>{eid}</eid><extensionId>s@ref</extensionId></extension>");
        var current = await feed.GetAsync();

        var (exit, output) = await Recorders.CliAsync(shared.Server, "recorders", "apply", feed.Name, "--force");
        var pushed = await recorder.AppliedAsync(current.Revision, "push");

        Assert.True(exit == 0, output);
        Assert.Contains($"revision {current.Revision} delivered", output, StringComparison.Ordinal);
        Assert.Equal(current.Revision, pushed);
    }

    /// <summary>As the server signs: HMAC-SHA256 keyed with the SHA-256 of the secret, the only form of it the server keeps.</summary>
    private static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), body));

    private async Task<HttpStatusCode> PushAsync(Uri url, long revision, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Provisioning-Revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (signature is not null)
        {
            request.Headers.Add("X-Provisioning-Signature", signature);
        }
        using var response = await shared.Server.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static Dictionary<string, JsonElement> ByAddress(JsonElement configuration) =>
        configuration.GetProperty("extensions").EnumerateArray().ToDictionary(e => e.GetProperty("address").GetString()!, e => e.Clone());

    private async Task<(string Eid, string Token, FeedClient Feed)> TenantWithRecorderAsync()
    {
        var (eid, token) = await shared.TenantAsync();
        return (eid, token, await Recorders.AddAsync(shared.Server, Provision.Unique("rec"), eid));
    }

    private async Task CallOkAsync(string operation, string token, string parameters)
    {
        var answer = await _v3.CallAsync(operation, $"<token>{token}</token>{parameters}");
        Assert.True(answer.StatusCode == "OK", $"{operation}: {answer.StatusCode} {answer.Message}");
    }

    private static string Voice(params int[] directions) =>
        $"<modalities><modalitiesForWS><id>voice</id>{string.Concat(directions.Select(d => $"<directionsForWS><id>{d}</id></directionsForWS>"))}</modalitiesForWS></modalities>";
}
