using System.Text;
using System.Xml;
using Provisioning.Soap.Envelope;

namespace Provisioning.Soap.Tests.Support;

/// <summary>What the production writers put on the wire, as bytes or as the text inside <c>return</c>.</summary>
public static class Written
{
    public static readonly string V2 = SoapNamespaces.ForVersion(2);

    public static byte[] Response(string operation, Action<XmlWriter> writeReturnContent)
    {
        using var output = new MemoryStream();
        EnvelopeWriter.WriteResponse(output, V2, operation, writeReturnContent);
        return output.ToArray();
    }

    public static byte[] Fault(FaultCode code, string faultString)
    {
        using var output = new MemoryStream();
        EnvelopeWriter.WriteFault(output, code, faultString);
        return output.ToArray();
    }

    /// <summary>The bytes between &lt;return&gt; and &lt;/return&gt; of a response, as UTF-8 text.</summary>
    public static string ReturnContent(Action<XmlWriter> writeReturnContent)
    {
        var text = Encoding.UTF8.GetString(Response("probe", writeReturnContent));
        var start = text.IndexOf("<return>", StringComparison.Ordinal) + "<return>".Length;
        var end = text.LastIndexOf("</return>", StringComparison.Ordinal);
        return text[start..end];
    }
}
