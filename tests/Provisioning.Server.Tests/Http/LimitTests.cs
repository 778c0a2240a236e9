using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Http;

/// <summary>The XML limits of Provisioning:Limits give clear Client faults and change nothing.</summary>
public sealed class LimitTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private SoapClient _client = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Provisioning:Limits:MaxXmlDepth"] = "8",
            ["Provisioning:Limits:MaxXmlElements"] = "50",
            ["Provisioning:Limits:MaxValueLength"] = "1000",
        });
        _client = _server.Client();
        _token = await _client.TokenAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TooDeep_ClientFaultNamingTheLimit()
    {
        var nested = string.Concat(Enumerable.Repeat("<user>", 10)) + string.Concat(Enumerable.Repeat("</user>", 10));

        var answer = await _client.CallAsync("createExtension", $"<token>{_token}</token><extension><eid>0000</eid><extension>deep@x</extension>{nested}</extension>");

        Assert.Equal(("S:Client", true), (answer.FaultCode, answer.FaultString!.Contains("nested deeper than 8", StringComparison.Ordinal)));
        await AssertAbsentAsync("deep@x");
    }

    [Fact]
    public async Task TooManyElements_ClientFaultNamingTheLimit()
    {
        var many = string.Concat(Enumerable.Repeat("<roles>r</roles>", 60));

        var answer = await _client.CallAsync("createUser", $"<token>{_token}</token><user><eid>0000</eid><loginName>many</loginName>{many}</user>");

        Assert.Equal(("S:Client", true), (answer.FaultCode, answer.FaultString!.Contains("more than 50 elements", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ValueTooLong_ClientFaultNamingTheField()
    {
        var answer = await _client.CallAsync("createExtension", $"<token>{_token}</token><extension><eid>0000</eid><extension>{new string('x', 1001)}</extension></extension>");

        Assert.Equal("S:Client", answer.FaultCode);
        Assert.Contains("extension.extension: the value has 1001 characters, more than 1000", answer.FaultString, StringComparison.Ordinal);
    }

    private async Task AssertAbsentAsync(string address) =>
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getExtension", $"<token>{_token}</token><extension>{address}</extension>")).StatusCode);
}
