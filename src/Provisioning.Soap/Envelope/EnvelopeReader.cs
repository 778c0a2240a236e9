using System.Globalization;
using System.Text;
using System.Xml;

namespace Provisioning.Soap.Envelope;

/// <summary>
/// Reads a SOAP 1.1 envelope up to the operation element in its Body. DTDs are prohibited (never processed, no entity
/// expansion); a document that carries one is a Client fault before any parsing happens.
/// </summary>
public static class EnvelopeReader
{
    private const string NextActor = "http://schemas.xmlsoap.org/soap/actor/next";

    // The reader owns the stream it is given over the body (CloseInput), so disposing the reader is all a caller does.
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>
    /// A reader over a request body whose HTTP charset is <paramref name="charset"/> (null for UTF-8 or none). The
    /// body's own byte order mark or XML declaration wins, as XML 1.0 Appendix F says; the charset decides only for a
    /// body that names no encoding, which the reader would otherwise take for UTF-8.
    /// </summary>
    public static XmlReader Create(ReadOnlyMemory<byte> body, Encoding? charset)
    {
        var stream = new ReadOnlyMemoryStream(body);
        return charset is null || NamesItsEncoding(body.Span)
            ? XmlReader.Create(stream, Settings)
            : XmlReader.Create(new StreamReader(stream, charset, detectEncodingFromByteOrderMarks: false), Settings);
    }

    /// <summary>True when the bytes begin with a byte order mark, in a two- or four-byte encoding, or with an XML declaration naming an encoding.</summary>
    public static bool NamesItsEncoding(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return true;
        }
        // '<' in UTF-16 or UTF-32 has a zero byte beside it; the reader recognises those encodings by it (Appendix F).
        if (body.Length >= 2 && (body[0] == 0 || body[1] == 0))
        {
            return true;
        }
        if (!body.StartsWith("<?xml"u8))
        {
            return false;
        }
        var end = body.IndexOf("?>"u8);
        return end > 0 && body[..end].IndexOf("encoding"u8) > 0;
    }

    /// <summary>True when the bytes carry a document type declaration, in UTF-8 or UTF-16.</summary>
    public static bool HasDoctype(ReadOnlySpan<byte> body) =>
        body.IndexOf("<!DOCTYPE"u8) >= 0
        || body.IndexOf("<\0!\0D\0O\0C\0T\0Y\0P\0E\0"u8) >= 0
        || body.IndexOf("\0<\0!\0D\0O\0C\0T\0Y\0P\0E"u8) >= 0;

    /// <summary>Positions <paramref name="reader"/> on the Body's first element and returns its namespace and local name.</summary>
    public static (string Namespace, string LocalName) ReadToOperation(XmlReader reader)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw SoapFaultException.Malformed(At(reader, "the document has no root element"));
        }
        if (reader.LocalName == "Envelope" && reader.NamespaceURI == SoapNamespaces.Soap12)
        {
            throw new SoapFaultException(
                FaultCode.VersionMismatch,
                $"Couldn't create SOAP message. Expecting Envelope in namespace {SoapNamespaces.Soap11}, but got {SoapNamespaces.Soap12} ");
        }
        if (reader.LocalName != "Envelope" || reader.NamespaceURI != SoapNamespaces.Soap11)
        {
            throw SoapFaultException.Malformed(At(reader, $"the root element is {SoapFaultException.QualifiedName(reader.NamespaceURI, reader.LocalName)}, not a SOAP 1.1 Envelope"));
        }
        if (reader.IsEmptyElement || !NextChild(reader))
        {
            throw SoapFaultException.Malformed(At(reader, "the Envelope has no Body"));
        }
        if (IsSoap(reader, "Header"))
        {
            CheckHeader(reader);
            if (!NextChild(reader))
            {
                throw SoapFaultException.Malformed(At(reader, "the Envelope has no Body"));
            }
        }
        if (!IsSoap(reader, "Body"))
        {
            throw SoapFaultException.Malformed(At(reader, $"expected the SOAP Body but found {SoapFaultException.QualifiedName(reader.NamespaceURI, reader.LocalName)}"));
        }
        if (reader.IsEmptyElement || !NextChild(reader))
        {
            throw SoapFaultException.EmptyBody();
        }
        return (reader.NamespaceURI, reader.LocalName);
    }

    /// <summary>Reads to the end of the document, so a request broken after its operation is refused before it runs.</summary>
    public static void ReadToEnd(XmlReader reader)
    {
        while (reader.Read())
        {
        }
    }

    public static string At(XmlReader reader, string reason) => reader is IXmlLineInfo { } info && info.HasLineInfo()
        ? string.Create(CultureInfo.InvariantCulture, $"{reason} at line {info.LineNumber}, position {info.LinePosition}")
        : reason;

    private static bool IsSoap(XmlReader reader, string localName) =>
        reader.LocalName == localName && reader.NamespaceURI == SoapNamespaces.Soap11;

    /// <summary>Moves from a start element (or past a sibling's end) to the next element at that level; false at the parent's end.</summary>
    private static bool NextChild(XmlReader reader)
    {
        var wasStart = reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement;
        var depth = wasStart ? reader.Depth + 1 : reader.Depth;
        if (!reader.Read())
        {
            return false;
        }
        while (true)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth)
            {
                return true;
            }
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth < depth)
            {
                return false;
            }
            if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
                continue;
            }
            if (!reader.Read())
            {
                return false;
            }
        }
    }

    private static void CheckHeader(XmlReader reader)
    {
        var notUnderstood = new List<string>();
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var mustUnderstand = reader.GetAttribute("mustUnderstand", SoapNamespaces.Soap11);
                    var actor = reader.GetAttribute("actor", SoapNamespaces.Soap11);
                    // Only entries for this receiver count: no actor, or the "next" actor (SOAP 1.1 §4.2.2).
                    if (mustUnderstand is "1" or "true" && (actor is null || actor == NextActor))
                    {
                        notUnderstood.Add(SoapFaultException.QualifiedName(reader.NamespaceURI, reader.LocalName));
                    }
                    reader.Skip();
                }
                else if (!reader.Read())
                {
                    throw SoapFaultException.Malformed("unexpected end of the document");
                }
            }
        }
        if (notUnderstood.Count > 0)
        {
            throw new SoapFaultException(FaultCode.MustUnderstand, $"MustUnderstand headers:[{string.Join(", ", notUnderstood)}] are not understood");
        }
    }
}
