namespace Provisioning.Soap.Envelope;

public static class SoapNamespaces
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    /// <summary>The namespace of API version <paramref name="version"/>, e.g. http://v2.provisioning.ws.web.verba.com/.</summary>
    public static string ForVersion(int version) => $"http://v{version}.provisioning.ws.web.verba.com/";
}
