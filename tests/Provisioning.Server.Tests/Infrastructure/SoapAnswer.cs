using System.Xml.Linq;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>An HTTP answer with helpers to read the SOAP return.</summary>
public sealed class SoapAnswer(int httpStatus, string? contentType, string body)
{
    private XElement? _return;

    public int HttpStatus => httpStatus;

    public string? ContentType => contentType;

    public string Body => body;

    /// <summary>The return element of a response (null for a fault).</summary>
    public XElement? Return => _return ??= XDocument.Parse(body).Descendants("return").FirstOrDefault();

    /// <summary>The status code, whether return is the Status or holds one.</summary>
    public string? StatusCode => (Return?.Element("status") ?? Return)?.Element("statusCode")?.Value;

    public string? Message => (Return?.Element("status") ?? Return)?.Element("message")?.Value;

    public string? FaultCode => XDocument.Parse(body).Descendants("faultcode").FirstOrDefault()?.Value;

    public string? FaultString => XDocument.Parse(body).Descendants("faultstring").FirstOrDefault()?.Value;

    public string? Value(string child) => Return?.Element(child)?.Value;

    public override string ToString() => $"{httpStatus} {body}";
}
