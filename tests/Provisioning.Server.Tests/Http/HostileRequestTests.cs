using System.Text;
using System.Xml.Linq;
using Provisioning.Server.Tests.Infrastructure;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Http;

/// <summary>Requests that are broken or hostile get the answer the spec gives, and change nothing.</summary>
public sealed class HostileRequestTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private readonly SoapClient _client = shared.Client;

    public static TheoryData<string, string> Malformed() => new()
    {
        { "not xml at all", "Couldn't create SOAP message due to exception: XML reader error: " },
        { "<soapenv:Envelope xmlns:soapenv=\"" + Soap11 + "\"><soapenv:Body><v:createExtension xmlns:v=\"http://v2.provisioning.ws.web.verba.com/\">", "Couldn't create SOAP message due to exception: XML reader error: " },
        { "<foo/>", "Couldn't create SOAP message due to exception: XML reader error: the root element is foo, not a SOAP 1.1 Envelope" },
        { "<soapenv:Envelope xmlns:soapenv=\"" + Soap11 + "\"/>", "Couldn't create SOAP message due to exception: XML reader error: the Envelope has no Body" },
        { "<soapenv:Envelope xmlns:soapenv=\"" + Soap11 + "\"><soapenv:Body/></soapenv:Envelope>", "Cannot find dispatch method for {}" },
        { "<soapenv:Envelope xmlns:soapenv=\"" + Soap11 + "\"><soapenv:Body><fooBar/></soapenv:Body></soapenv:Envelope>", "Cannot find dispatch method for fooBar" },
        { "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>", "Couldn't create SOAP message due to exception: XML reader error: a DOCTYPE is not allowed" },
        { "<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x>&xxe;</x>", "Couldn't create SOAP message due to exception: XML reader error: a DOCTYPE is not allowed" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Post_Malformed_ClientFault(string body, string faultStart)
    {
        var answer = await _client.PostAsync(body);

        Assert.Equal((500, "text/xml; charset=utf-8", "S:Client"), (answer.HttpStatus, answer.ContentType, answer.FaultCode));
        Assert.StartsWith(faultStart, answer.FaultString, StringComparison.Ordinal);
        Assert.StartsWith("<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"" + Soap11 + "\"><S:Body><S:Fault xmlns:ns4=", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownOperation_ReferenceFaultBytes()
    {
        var answer = await _client.CallAsync("fooBar", "");

        Assert.Equal(RepoPaths.ReadSpec("reference/fault.unknown-operation.response.xml").TrimEnd(), answer.Body);
    }

    [Fact]
    public async Task Post_EmptyBody_ReferenceFaultBytesWithEmptyName()
    {
        // The reference's fault for an empty Body differs from an unknown operation's only in the name, printed "{}".
        var expected = RepoPaths.ReadSpec("reference/fault.unknown-operation.response.xml").TrimEnd()
            .Replace("{http://v2.provisioning.ws.web.verba.com/}fooBar", "{}", StringComparison.Ordinal);

        var answer = await _client.PostAsync($"<s:Envelope xmlns:s=\"{Soap11}\"><s:Header/><s:Body></s:Body></s:Envelope>");

        Assert.Equal(expected, answer.Body);
    }

    [Fact]
    public async Task Post_OperationOfAnotherVersion_ReferenceFaultBytes()
    {
        var answer = await _client.PostAsync($"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body><v3:createExtension xmlns:v3=\"http://v3.provisioning.ws.web.verba.com/\"/></s:Body></s:Envelope>");

        Assert.Equal(RepoPaths.ReadSpec("reference/fault.other-namespace.response.xml").TrimEnd(), answer.Body);
    }

    [Fact]
    public async Task Post_QualifiedParameters_CountAsAbsentAsTheReferenceAnswers()
    {
        var answer = await _client.PostAsync(RepoPaths.ReadSpec("reference/createExtension.qualified-children.request.xml"));

        Assert.Equal(RepoPaths.ReadSpec("reference/createExtension.qualified-children.response.xml").TrimEnd(), answer.Body);
    }

    [Fact]
    public async Task Post_Soap12EnvelopeAsTextXml_VersionMismatch()
    {
        var answer = await _client.PostAsync("<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body/></e:Envelope>");

        Assert.Equal(("S:VersionMismatch", "Couldn't create SOAP message. Expecting Envelope in namespace http://schemas.xmlsoap.org/soap/envelope/, but got http://www.w3.org/2003/05/soap-envelope "), (answer.FaultCode, answer.FaultString));
    }

    [Fact]
    public async Task Post_MustUnderstandHeader_MustUnderstandFault()
    {
        var answer = await _client.PostAsync($"<s:Envelope xmlns:s=\"{Soap11}\"><s:Header><h:Security xmlns:h=\"urn:sec\" s:mustUnderstand=\"1\"/></s:Header><s:Body><v:releaseToken xmlns:v=\"{_client.Namespace}\"/></s:Body></s:Envelope>");

        Assert.Equal(("S:MustUnderstand", "MustUnderstand headers:[{urn:sec}Security] are not understood"), (answer.FaultCode, answer.FaultString));
    }

    [Theory]
    [InlineData("application/soap+xml; charset=utf-8")]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task Post_OtherContentType_415WithEmptyBody(string contentType)
    {
        var answer = await _client.PostAsync("<a/>", contentType);

        Assert.Equal((415, ""), (answer.HttpStatus, answer.Body));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_413AndNothingStored()
    {
        var token = await shared.AdminTokenAsync();
        var padding = new string(' ', 1024 * 1024);
        var envelope = $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body><v:createExtension xmlns:v=\"{_client.Namespace}\"><token>{token}</token><extension><eid>0000</eid><extension>huge@x</extension></extension>{padding}</v:createExtension></s:Body></s:Envelope>";

        // With Expect: 100-continue the client waits for the server's verdict before sending the body, as SOAP stacks
        // do for large messages; without it the server may close the connection while the body is still being sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, _client.Url) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.ExpectContinue = true;
        using var answer = await shared.Server.Http.SendAsync(request);

        Assert.Equal(413, (int)answer.StatusCode);
        var get = await _client.CallAsync("getExtension", $"<token>{token}</token><extension>huge@x</extension>");
        Assert.Equal("ERROR_NOT_FOUND", get.StatusCode);
    }

    [Fact]
    public async Task Post_BrokenAfterTheOperation_FaultAndNothingStored()
    {
        var token = await shared.AdminTokenAsync();

        var answer = await _client.PostAsync($"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body><v:createExtension xmlns:v=\"{_client.Namespace}\"><token>{token}</token><extension><eid>0000</eid><extension>truncated@x</extension></extension></v:createExtension></s:Body>");

        Assert.Equal("S:Client", answer.FaultCode);
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getExtension", $"<token>{token}</token><extension>truncated@x</extension>")).StatusCode);
    }

    [Fact]
    public async Task Post_InvalidUtf8_ClientFault()
    {
        using var content = new ByteArrayContent([.. Encoding.ASCII.GetBytes($"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body><x>"), 0xC3, 0x28, .. Encoding.ASCII.GetBytes("</x></s:Body></s:Envelope>")]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");

        using var response = await shared.Server.Http.PostAsync(_client.Url, content);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("S:Client", XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants("faultcode").Single().Value);
    }

    [Fact]
    public async Task Get_Wsdl_ServesTheContractWithThisAddress()
    {
        var wsdl = XDocument.Parse(await shared.Server.Http.GetStringAsync(new Uri(_client.Url + "?wsdl")));

        XNamespace soap = "http://schemas.xmlsoap.org/wsdl/soap/";
        Assert.Equal(_client.Url.ToString(), wsdl.Descendants(soap + "address").Single().Attribute("location")!.Value);
        Assert.NotEmpty(wsdl.Descendants(XName.Get("schema", "http://www.w3.org/2001/XMLSchema")));
    }

    [Fact]
    public async Task Get_WithoutWsdl_SmallPageNamingServiceAndWsdl()
    {
        var page = await shared.Server.Http.GetStringAsync(_client.Url);

        Assert.Contains(_client.Url + "?wsdl", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Provisioning.Server", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherPathOrMethod_404And405()
    {
        using var wrongPath = await shared.Server.Http.GetAsync(new Uri(_client.Url, "/elsewhere"));
        using var wrongMethod = await shared.Server.Http.DeleteAsync(_client.Url);

        Assert.Equal((404, 405), ((int)wrongPath.StatusCode, (int)wrongMethod.StatusCode));
    }
}
