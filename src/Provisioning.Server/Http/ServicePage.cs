using System.Net;
using System.Text;

namespace Provisioning.Server.Http;

/// <summary>What GET without ?wsdl shows: the service, its address and its WSDL link.</summary>
internal static class ServicePage
{
    public static byte[] Render(int version, string address)
    {
        var a = WebUtility.HtmlEncode(address);
        var html = $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Provisioning API v{version}</title></head>
            <body><h1>Provisioning API v{version}</h1>
            <table><tr><th>Endpoint address</th><td>{a}</td></tr>
            <tr><th>WSDL</th><td><a href="{a}?wsdl">{a}?wsdl</a></td></tr>
            <tr><th>Namespace</th><td>http://v{version}.provisioning.ws.web.verba.com/</td></tr></table>
            </body></html>
            """;
        return Encoding.UTF8.GetBytes(html);
    }
}
