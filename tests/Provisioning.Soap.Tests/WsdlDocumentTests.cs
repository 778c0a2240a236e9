using System.Text;
using System.Xml.Linq;
using System.Xml.Schema;
using Provisioning.Soap.Envelope;

namespace Provisioning.Soap.Tests;

public sealed class WsdlDocumentTests
{
    private const string Address = "http://provisioning.example:7002/provisioning";
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace WsdlSoap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Render_Address_IsTheSoapAddressLocation(int version)
    {
        var location = Rendered(version, Address).Descendants(WsdlSoap + "address").Single().Attribute("location")?.Value;

        Assert.Equal(Address, location);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Render_Always_LeavesNoMarker(int version)
    {
        var text = Encoding.UTF8.GetString(WsdlDocument.ForVersion(version).Render(Address));

        Assert.DoesNotContain("REPLACE_WITH_ACTUAL_URL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--SCHEMA-->", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Render_Always_IsTheVersionsDefinitions(int version)
    {
        var root = Rendered(version, Address).Root;

        Assert.Equal(Wsdl + "definitions", root?.Name);
        Assert.Equal(SoapNamespaces.ForVersion(version), root?.Attribute("targetNamespace")?.Value);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Render_InlinedSchema_Compiles(int version)
    {
        var schema = Rendered(version, Address).Root?.Element(Wsdl + "types")?.Element(Xs + "schema");
        Assert.NotNull(schema);
        var errors = new List<string>();
        var set = new XmlSchemaSet();
        set.ValidationEventHandler += (_, e) => errors.Add(e.Message);

        using (var reader = schema.CreateReader())
        {
            set.Add(XmlSchema.Read(reader, (_, e) => errors.Add(e.Message))!);
        }
        set.Compile();

        Assert.Empty(errors);
        Assert.True(set.GlobalElements.Contains(new System.Xml.XmlQualifiedName("createExtension", SoapNamespaces.ForVersion(version))));
    }

    [Fact]
    public void Render_AddressWithMarkupCharacters_IsEscapedInTheAttribute()
    {
        const string Odd = "http://h:7002/provisioning?a=1&b=\"2\"";

        var location = Rendered(2, Odd).Descendants(WsdlSoap + "address").Single().Attribute("location")?.Value;

        Assert.Equal(Odd, location);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Schema_Always_IsTheVersionsXsd(int version)
    {
        var schema = XDocument.Parse(WsdlDocument.ForVersion(version).Schema).Root;

        Assert.Equal(Xs + "schema", schema?.Name);
        Assert.Equal(SoapNamespaces.ForVersion(version), schema?.Attribute("targetNamespace")?.Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ForVersion_NotServed_Throws(int version)
    {
        Assert.Throws<InvalidOperationException>(() => WsdlDocument.ForVersion(version));
    }

    private static XDocument Rendered(int version, string address)
    {
        using var stream = new MemoryStream(WsdlDocument.ForVersion(version).Render(address));
        return XDocument.Load(stream);
    }
}
