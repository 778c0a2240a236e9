using System.Text;
using Provisioning.Soap.Envelope;

namespace Provisioning.Soap.Tests.Support;

/// <summary>Request envelopes for the reader and the endpoint.</summary>
public static class Envelopes
{
    public const string Soap11 = SoapNamespaces.Soap11;

    /// <summary>A SOAP 1.1 request whose Body holds <paramref name="body"/>; the envelope prefix is soapenv.</summary>
    public static string Request(string body, string header = "") =>
        $"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\" xmlns:v2=\"{Written.V2}\">{header}<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";

    public static (string Namespace, string LocalName) ReadToOperation(string xml)
    {
        // The request path's own reader, over the bytes as a UTF-8 request body.
        using var reader = EnvelopeReader.Create(Encoding.UTF8.GetBytes(xml), charset: null);
        return EnvelopeReader.ReadToOperation(reader);
    }

    public static SoapFaultException Fault(string xml) => Assert.Throws<SoapFaultException>(() => ReadToOperation(xml));
}
