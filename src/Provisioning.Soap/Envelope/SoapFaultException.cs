namespace Provisioning.Soap.Envelope;

/// <summary>A request that cannot be understood: answered with a SOAP fault, and nothing is executed.</summary>
public sealed class SoapFaultException : Exception
{
    public SoapFaultException(FaultCode code, string faultString)
        : base(faultString)
    {
        Code = code;
    }

    public SoapFaultException()
        : this(FaultCode.Client, "Bad request")
    {
    }

    public SoapFaultException(string message)
        : this(FaultCode.Client, message)
    {
    }

    public SoapFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = FaultCode.Client;
    }

    public FaultCode Code { get; }

    /// <summary>The fault JAX-WS sends for a body element that is no operation of the version.</summary>
    public static SoapFaultException NoDispatch(string ns, string localName) =>
        new(FaultCode.Client, $"Cannot find dispatch method for {QualifiedName(ns, localName)}");

    /// <summary>
    /// The fault JAX-WS sends for a Body without an element: it prints the empty name it looked up as <c>{}</c>
    /// (namespace and local name both empty), not as the empty string Java's QName would print.
    /// </summary>
    public static SoapFaultException EmptyBody() => new(FaultCode.Client, "Cannot find dispatch method for {}");

    /// <summary>A name as Java's QName prints it: {namespace}local, or only local without a namespace.</summary>
    public static string QualifiedName(string ns, string localName) => ns.Length == 0 ? localName : $"{{{ns}}}{localName}";

    public static SoapFaultException Malformed(string reason) =>
        new(FaultCode.Client, "Couldn't create SOAP message due to exception: XML reader error: " + reason);

    /// <summary>A value that does not parse: the reference would store null silently; we refuse instead.</summary>
    public static SoapFaultException BadValue(string field, string value, string expected) =>
        new(FaultCode.Client, $"Cannot read {field}: '{Truncate(value)}' is not {expected}");

    /// <summary>At most 100 characters of a value, never cutting a surrogate pair (XmlWriter refuses half of one).</summary>
    public static string Truncate(string value)
    {
        if (value.Length <= 100)
        {
            return value;
        }
        var cut = char.IsHighSurrogate(value[99]) ? 99 : 100;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}
