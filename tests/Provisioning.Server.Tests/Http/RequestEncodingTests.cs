using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Http;

/// <summary>
/// Request bodies in other character encodings (the HTTP charset decides when the body names none) and compressed
/// bodies (gzip, deflate; the limit applies to the decoded size).
/// </summary>
public sealed class RequestEncodingTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly SoapClient _client = shared.Client;

    [Fact]
    public async Task Post_Latin1ByHttpCharsetWithoutDeclaration_RoundTrips()
    {
        var login = Provision.Unique("latin");
        var body = Latin1.GetBytes(await CreateUserEnvelopeAsync(login, "Zoë Müller"));

        var created = await PostAsync(body, "text/xml; charset=ISO-8859-1");

        Assert.True(created.StatusCode == "OK", created.Body);
        Assert.Equal("Zoë Müller", await DisplayNameAsync(login));
    }

    [Fact]
    public async Task Post_DeclarationNamesEncoding_WinsOverHttpCharset()
    {
        var login = Provision.Unique("decl");
        var body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + await CreateUserEnvelopeAsync(login, "Jürgen Éclair"));

        var created = await PostAsync(body, "text/xml; charset=ISO-8859-1");

        Assert.True(created.StatusCode == "OK", created.Body);
        Assert.Equal("Jürgen Éclair", await DisplayNameAsync(login));
    }

    [Fact]
    public async Task Post_Windows1252ByHttpCharset_RoundTrips()
    {
        var login = Provision.Unique("cp1252");
        var body = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(await CreateUserEnvelopeAsync(login, "Café – 5 €"));

        var created = await PostAsync(body, "text/xml; charset=windows-1252");

        Assert.True(created.StatusCode == "OK", created.Body);
        Assert.Equal("Café – 5 €", await DisplayNameAsync(login));
    }

    [Fact]
    public async Task Post_UnknownCharset_415()
    {
        var answer = await PostAsync(Encoding.UTF8.GetBytes("<a/>"), "text/xml; charset=x-no-such-charset");

        Assert.Equal((415, ""), (answer.HttpStatus, answer.Body));
    }

    [Fact]
    public async Task Post_BytesTheCharsetDoesNotDefine_ClientFault()
    {
        var body = Latin1.GetBytes(await CreateUserEnvelopeAsync(Provision.Unique("ascii"), "Zoë"));

        var answer = await PostAsync(body, "text/xml; charset=us-ascii");

        Assert.Equal((500, "S:Client"), (answer.HttpStatus, answer.FaultCode));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("deflate")]
    [InlineData("raw-deflate")]
    public async Task Post_CompressedBody_Decoded(string coding)
    {
        var address = Provision.Unique("zip") + "@x";
        var envelope = $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body><v:createExtension xmlns:v=\"{_client.Namespace}\"><token>{await shared.AdminTokenAsync()}</token><extension><eid>0000</eid><extension>{address}</extension></extension></v:createExtension></s:Body></s:Envelope>";

        var answer = await PostAsync(Compress(Encoding.UTF8.GetBytes(envelope), coding), "text/xml; charset=utf-8", coding == "raw-deflate" ? "deflate" : coding);

        Assert.True(answer.StatusCode == "OK", answer.Body);
        Assert.Equal("OK", (await _client.CallAsync("getExtension", $"<token>{await shared.AdminTokenAsync()}</token><extension>{address}</extension>")).StatusCode);
    }

    [Fact]
    public async Task Post_GzipBomb_413()
    {
        // 100 MB of zeros in a small gzip body: the decoded size counts, and inflating stops at the limit (1 MiB).
        var bomb = Compress(new byte[100 * 1024 * 1024], "gzip-smallest");

        var answer = await PostAsync(bomb, "text/xml; charset=utf-8", "gzip");

        Assert.True(bomb.Length < 200 * 1024, $"{bomb.Length} bytes");
        Assert.Equal(413, answer.HttpStatus);
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("not compressed")]
    public async Task Post_CorruptGzip_400(string kind)
    {
        var body = Compress(Encoding.UTF8.GetBytes(new string('x', 1000)), "gzip");
        body[12] ^= 0xFF;
        body[13] ^= 0xFF;
        body = kind == "damaged" ? body : Encoding.UTF8.GetBytes("<a>not compressed at all</a>");

        var answer = await PostAsync(body, "text/xml; charset=utf-8", "gzip");

        Assert.Equal(400, answer.HttpStatus);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("compress")]
    [InlineData("gzip, gzip")]
    public async Task Post_OtherContentCoding_415NamingTheAccepted(string coding)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("<a/>"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        content.Headers.TryAddWithoutValidation("Content-Encoding", coding);

        using var response = await shared.Server.Http.PostAsync(_client.Url, content);

        Assert.Equal(415, (int)response.StatusCode);
        Assert.Equal("gzip, deflate", string.Join(", ", response.Headers.GetValues("Accept-Encoding")));
    }

    [Fact]
    public async Task Post_IdentityCoding_Answered()
    {
        using var content = new StringContent(
            $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body><v:releaseToken xmlns:v=\"{_client.Namespace}\"><token>none</token></v:releaseToken></s:Body></s:Envelope>",
            Encoding.UTF8,
            "text/xml");
        content.Headers.ContentEncoding.Add("identity");

        using var response = await shared.Server.Http.PostAsync(_client.Url, content);

        Assert.Equal(200, (int)response.StatusCode);
    }

    private async Task<string> CreateUserEnvelopeAsync(string login, string displayName) =>
        $"<s:Envelope xmlns:s=\"{Soap11}\"><s:Body><v:createUser xmlns:v=\"{_client.Namespace}\"><token>{await shared.AdminTokenAsync()}</token>"
        + $"<user><eid>0000</eid><loginName>{login}</loginName><displayName>{displayName}</displayName></user></v:createUser></s:Body></s:Envelope>";

    private async Task<string?> DisplayNameAsync(string login)
    {
        var answer = await _client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{await shared.AdminTokenAsync()}</token><loginName>{login}</loginName><eid>0000</eid>");
        return answer.Return?.Element("user")?.Element("displayName")?.Value;
    }

    private async Task<SoapAnswer> PostAsync(byte[] body, string contentType, string? contentEncoding = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(contentEncoding);
        }
        using var response = await shared.Server.Http.PostAsync(_client.Url, content);
        return new SoapAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private static byte[] Compress(byte[] data, string coding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = coding switch
        {
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "raw-deflate" => new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "gzip-smallest" => new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            _ => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }
}
