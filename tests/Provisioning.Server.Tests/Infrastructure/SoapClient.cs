using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>Posts raw SOAP envelopes to one version's endpoint and reads the answers.</summary>
public sealed class SoapClient(HttpClient http, Uri url, int version)
{
    public int Version => version;

    public Uri Url => url;

    public string Namespace => $"http://v{version}.provisioning.ws.web.verba.com/";

    /// <summary>Posts a whole envelope as text/xml.</summary>
    public async Task<SoapAnswer> PostAsync(string envelope, string contentType = "text/xml; charset=utf-8")
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(envelope));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await http.PostAsync(url, content);
        var body = await response.Content.ReadAsStringAsync();
        return new SoapAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
    }

    /// <summary>Calls <paramref name="operation"/> with the given children (XML text), as a SoapUI-style envelope.</summary>
    public Task<SoapAnswer> CallAsync(string operation, string children) =>
        PostAsync($"<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v=\"{Namespace}\">"
            + $"<soapenv:Header/><soapenv:Body><v:{operation}>{children}</v:{operation}></soapenv:Body></soapenv:Envelope>");

    public async Task<string> TokenAsync(string login = TestServer.AdminLogin, string password = TestServer.AdminPassword, string eid = "0000")
    {
        var answer = await CallAsync("requestToken", $"<eid>{X(eid)}</eid><loginName>{X(login)}</loginName><password>{X(password)}</password>");
        Assert.Equal("OK", answer.StatusCode);
        return answer.Value("token")!;
    }

    /// <summary>Escapes text for an element.</summary>
    public static string X(string text) => new XText(text).ToString();
}
