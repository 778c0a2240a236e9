using System.Text;
using System.Xml;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Envelope;

/// <summary>
/// Writes responses in the byte shape of the JAX-WS reference implementation: one line, the declaration with single
/// quotes, envelope prefix S, no Header, the wrapper ns2:{operation}Response declaring its namespace, and unqualified
/// children without any other namespace declaration.
/// </summary>
public static class EnvelopeWriter
{
    private static readonly byte[] Declaration = "<?xml version='1.0' encoding='UTF-8'?>"u8.ToArray();

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    public static void WriteResponse(Stream output, string ns, string operation, Action<XmlWriter> writeReturnContent)
    {
        output.Write(Declaration);
        using var w = XmlWriter.Create(output, Settings);
        w.WriteStartElement("S", "Envelope", SoapNamespaces.Soap11);
        w.WriteStartElement("S", "Body", SoapNamespaces.Soap11);
        w.WriteStartElement("ns2", operation + "Response", ns);
        w.WriteStartElement("return");
        writeReturnContent(w);
        w.WriteFullEndElement();
        w.WriteFullEndElement();
        w.WriteFullEndElement();
        w.WriteFullEndElement();
    }

    public static void WriteFault(Stream output, FaultCode code, string faultString)
    {
        output.Write(Declaration);
        using var w = XmlWriter.Create(output, Settings);
        w.WriteStartElement("S", "Envelope", SoapNamespaces.Soap11);
        w.WriteStartElement("S", "Body", SoapNamespaces.Soap11);
        w.WriteStartElement("S", "Fault", SoapNamespaces.Soap11);
        // The reference declares the SOAP 1.2 namespace on every fault without using it; clients have seen it always.
        w.WriteAttributeString("xmlns", "ns4", null, SoapNamespaces.Soap12);
        w.Text("faultcode", "S:" + code);
        w.Text("faultstring", XmlSafe(faultString));
        w.WriteFullEndElement();
        w.WriteFullEndElement();
        w.WriteFullEndElement();
    }

    /// <summary>
    /// A fault string may echo what the client sent, including characters XML cannot carry (a control character in
    /// a broken request): those become U+FFFD, so the fault itself is always well formed.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }
        return safe.Length == text.Length && safe.Equals(text.AsSpan()) ? text : safe.ToString();
    }
}
