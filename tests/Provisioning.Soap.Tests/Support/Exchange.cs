using System.Text;
using System.Xml.Linq;
using Provisioning.Soap.Envelope;

namespace Provisioning.Soap.Tests.Support;

/// <summary>One request handled by an endpoint: its outcome and the exact bytes it answered.</summary>
public sealed record Exchange(SoapOutcome Outcome, byte[] Body)
{
    public static async Task<Exchange> RunAsync(SoapEndpoint endpoint, byte[] request)
    {
        using var output = new MemoryStream();
        var outcome = await endpoint.HandleAsync(request, output, CancellationToken.None);
        return new Exchange(outcome, output.ToArray());
    }

    public static Task<Exchange> RunAsync(SoapEndpoint endpoint, string request) => RunAsync(endpoint, Encoding.UTF8.GetBytes(request));

    /// <summary>Asserts an HTTP 500 whose body is a well-formed SOAP 1.1 fault with <paramref name="code"/>; returns the faultstring.</summary>
    public string AssertFault(FaultCode code)
    {
        Assert.Equal(500, Outcome.HttpStatus);
        Assert.Equal(code, Outcome.Fault);
        var document = XDocument.Parse(Encoding.UTF8.GetString(Body));
        XNamespace soap = SoapNamespaces.Soap11;
        var fault = document.Root?.Element(soap + "Body")?.Element(soap + "Fault");
        Assert.NotNull(fault);
        Assert.Equal("S:" + code, fault.Element("faultcode")?.Value);
        return fault.Element("faultstring")?.Value ?? throw new InvalidOperationException("The fault has no faultstring.");
    }
}
