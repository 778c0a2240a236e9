using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Http;

/// <summary>HTTPS with a configured certificate, and clients too slow to send their request.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task Https_SelfSignedCertificate_ServesSoapAndWsdlOverTls()
    {
        var directory = Path.Combine(Path.GetTempPath(), "provisioning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var certificate = SelfSigned();
        var pfx = Path.Combine(directory, "server.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        await using var server = await TestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Provisioning:UrlTemplate"] = "https://127.0.0.1:{port}/provisioning",
                ["Provisioning:Https:CertificatePath"] = pfx,
                ["Provisioning:Https:CertificatePassword"] = "pfx-password",
            },
            directory: directory);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint };
        using var http = new HttpClient(handler);
        var url = new Uri($"https://127.0.0.1:{server.Url().Port}/provisioning");
        var client = new SoapClient(http, url, 2);

        var token = await client.TokenAsync();
        var wsdl = await http.GetStringAsync(new Uri(url + "?wsdl"));

        Assert.Matches("^[A-Za-z0-9]{32}$", token);
        Assert.Contains($"location=\"{url}\"", wsdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowClient_HeadersNeverFinished_IsDisconnected()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Provisioning:Limits:RequestHeadersTimeout"] = "00:00:01" });
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, server.Url().Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /provisioning HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new MemoryStream();
        var buffer = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(received.ToArray()), StringComparison.Ordinal);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
