using System.Text;

namespace Provisioning.Soap;

/// <summary>
/// The contract of one version as served at ?wsdl: the WSDL file with its XSD inlined in place of the
/// <c>&lt;!--SCHEMA--&gt;</c> marker, and the endpoint address filled in per request.
/// </summary>
public sealed class WsdlDocument
{
    private const string SchemaMarker = "<!--SCHEMA-->";
    private const string AddressMarker = "REPLACE_WITH_ACTUAL_URL";
    private readonly string _template;

    private WsdlDocument(string template, string schema)
    {
        _template = template;
        Schema = schema;
    }

    /// <summary>The XSD of the version, as a document.</summary>
    public string Schema { get; }

    public static WsdlDocument ForVersion(int version)
    {
        var wsdl = Resource($"Contracts.provisioning-v{version}.wsdl");
        var xsd = Resource($"Contracts.provisioning-v{version}.xsd");
        var schemaStart = xsd.IndexOf("<xs:schema", StringComparison.Ordinal);
        if (schemaStart < 0 || !wsdl.Contains(SchemaMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The v{version} contract files are not in the expected form.");
        }
        return new WsdlDocument(wsdl.Replace(SchemaMarker, xsd[schemaStart..].TrimEnd(), StringComparison.Ordinal), xsd);
    }

    /// <summary>The WSDL with the service address set to <paramref name="address"/>.</summary>
    public byte[] Render(string address) =>
        Encoding.UTF8.GetBytes(_template.Replace(AddressMarker, System.Security.SecurityElement.Escape(address), StringComparison.Ordinal));

    private static string Resource(string name)
    {
        var assembly = typeof(WsdlDocument).Assembly;
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing embedded contract {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
