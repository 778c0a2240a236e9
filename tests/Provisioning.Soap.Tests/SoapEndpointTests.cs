using System.Text;
using Provisioning.Soap.Envelope;
using Provisioning.Soap.Operations;
using Provisioning.Soap.Tests.Support;

namespace Provisioning.Soap.Tests;

/// <summary>Requests that cannot be understood, end to end through an endpoint: each is a fault before anything runs.</summary>
public sealed class SoapEndpointTests
{
    private const string MalformedPrefix = "Couldn't create SOAP message due to exception: XML reader error: ";
    private static readonly WsdlDocument Wsdl = WsdlDocument.ForVersion(2);

    private readonly SoapEndpoint _empty = new(2, new Dictionary<string, OperationBinder>(), Wsdl, TimeProvider.System);

    [Theory]
    [InlineData("hello")]
    [InlineData("{\"token\":\"x\"}")]
    [InlineData("<a><b></a>")]
    public async Task HandleAsync_NotWellFormedXml_IsClientFault(string body)
    {
        var exchange = await Exchange.RunAsync(_empty, body);

        Assert.StartsWith(MalformedPrefix, exchange.AssertFault(FaultCode.Client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_EmptyPost_IsClientFault()
    {
        var exchange = await Exchange.RunAsync(_empty, []);

        Assert.Equal(MalformedPrefix + "the request has no body", exchange.AssertFault(FaultCode.Client));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public async Task HandleAsync_BillionLaughs_IsClientFaultWithoutExpandingAnything(string encoding)
    {
        var exchange = await Exchange.RunAsync(_empty, Encoding.GetEncoding(encoding).GetBytes(BillionLaughs()));

        Assert.Equal(MalformedPrefix + "a DOCTYPE is not allowed: DTDs are never processed", exchange.AssertFault(FaultCode.Client));
        Assert.True(exchange.Body.Length < 1024);
    }

    [Fact]
    public async Task HandleAsync_UnknownOperation_IsTheReferenceFaultBytes()
    {
        var exchange = await Exchange.RunAsync(_empty, Envelopes.Request("<v2:fooBar><token>t</token></v2:fooBar>"));

        exchange.AssertFault(FaultCode.Client);
        Assert.Equal(ReferenceBytes.Read("fault.unknown-operation.response.xml"), exchange.Body);
    }

    [Fact]
    public async Task HandleAsync_OperationInTheV3Namespace_IsTheReferenceFaultBytes()
    {
        var body = "<v3:createExtension xmlns:v3=\"http://v3.provisioning.ws.web.verba.com/\"><token>t</token></v3:createExtension>";

        var exchange = await Exchange.RunAsync(_empty, Envelopes.Request(body));

        exchange.AssertFault(FaultCode.Client);
        Assert.Equal(ReferenceBytes.Read("fault.other-namespace.response.xml"), exchange.Body);
    }

    [Fact]
    public async Task HandleAsync_DocumentCutBeforeTheOperation_IsClientFault()
    {
        var request = Envelopes.Request("<v2:fooBar/>");

        var exchange = await Exchange.RunAsync(_empty, request[..request.IndexOf("<v2:fooBar", StringComparison.Ordinal)]);

        Assert.StartsWith(MalformedPrefix, exchange.AssertFault(FaultCode.Client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_EmptyBody_IsNoDispatchFault()
    {
        var exchange = await Exchange.RunAsync(_empty, $"<S:Envelope xmlns:S=\"{Envelopes.Soap11}\"><S:Body/></S:Envelope>");

        Assert.Equal("Cannot find dispatch method for {}", exchange.AssertFault(FaultCode.Client));
    }

    [Fact]
    public async Task HandleAsync_Soap12Envelope_IsVersionMismatchFault()
    {
        var exchange = await Exchange.RunAsync(_empty, $"<e:Envelope xmlns:e=\"{SoapNamespaces.Soap12}\"><e:Body/></e:Envelope>");

        Assert.StartsWith("Couldn't create SOAP message. Expecting Envelope", exchange.AssertFault(FaultCode.VersionMismatch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_KnownOperation_RunsItAndAnswersOk()
    {
        var ping = new PingOperation();

        var exchange = await Exchange.RunAsync(new SoapEndpoint(2, ping.Operations, Wsdl, TimeProvider.System), Envelopes.Request("<v2:ping><flag>1</flag></v2:ping>"));

        Assert.Equal(new SoapOutcome(200, "ping", null, Core.Results.Outcome.Ok), exchange.Outcome);
        Assert.True(ping.Flag);
        Assert.EndsWith("<ns2:pingResponse xmlns:ns2=\"http://v2.provisioning.ws.web.verba.com/\"><return><statusCode>OK</statusCode></return></ns2:pingResponse></S:Body></S:Envelope>", Encoding.UTF8.GetString(exchange.Body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("</soapenv:Body>")]
    [InlineData("</v2:ping>")]
    public async Task HandleAsync_DocumentCutAfterTheOperation_IsClientFaultAndNothingRuns(string cutAt)
    {
        var ping = new PingOperation();
        var request = Envelopes.Request("<v2:ping><flag>1</flag></v2:ping>");

        var exchange = await Exchange.RunAsync(new SoapEndpoint(2, ping.Operations, Wsdl, TimeProvider.System), request[..request.IndexOf(cutAt, StringComparison.Ordinal)]);

        Assert.StartsWith(MalformedPrefix, exchange.AssertFault(FaultCode.Client), StringComparison.Ordinal);
        Assert.False(ping.Ran);
    }

    [Fact]
    public async Task HandleAsync_GarbageAfterTheEnvelope_IsClientFaultAndNothingRuns()
    {
        var ping = new PingOperation();

        var exchange = await Exchange.RunAsync(new SoapEndpoint(2, ping.Operations, Wsdl, TimeProvider.System), Envelopes.Request("<v2:ping/>") + "<more/>");

        exchange.AssertFault(FaultCode.Client);
        Assert.False(ping.Ran);
    }

    [Fact]
    public async Task HandleAsync_ValueThatDoesNotParse_IsClientFaultAndNothingRuns()
    {
        var ping = new PingOperation();

        var exchange = await Exchange.RunAsync(new SoapEndpoint(2, ping.Operations, Wsdl, TimeProvider.System), Envelopes.Request("<v2:ping><flag>maybe</flag></v2:ping>"));

        Assert.Equal("Cannot read flag: 'maybe' is not a boolean (true, false, 1 or 0)", exchange.AssertFault(FaultCode.Client));
        Assert.False(ping.Ran);
    }

    [Fact]
    public async Task HandleAsync_BadValueCutInsideASurrogatePair_IsClientFault()
    {
        // Known defect: SoapFaultException.Truncate cuts at 100 UTF-16 units and can split a surrogate pair; the
        // writer then throws on the lone high surrogate, so the client gets S:Server instead of this S:Client fault.
        var ping = new PingOperation();
        var value = new string('y', 99) + "\U0001F600";

        var exchange = await Exchange.RunAsync(new SoapEndpoint(2, ping.Operations, Wsdl, TimeProvider.System), Envelopes.Request($"<v2:ping><flag>{value}</flag></v2:ping>"));

        Assert.StartsWith("Cannot read flag: 'yyy", exchange.AssertFault(FaultCode.Client), StringComparison.Ordinal);
    }

    private static string BillionLaughs()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};\">");
        }
        return $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]>" + Envelopes.Request("<v2:fooBar><token>&lol9;</token></v2:fooBar>");
    }
}
