using System.Xml.Linq;
using System.Xml.Schema;
using Provisioning.Soap.Envelope;
using Provisioning.Tests.Shared;

namespace Provisioning.Soap.Tests.Support;

/// <summary>The contract's XSD files, read from the source tree, and validation of one element against them.</summary>
public static class Schemas
{
    private static readonly Lazy<XmlSchemaSet> V2 = new(() => Load(2));
    private static readonly Lazy<XmlSchemaSet> V3 = new(() => Load(3));

    public static XmlSchemaSet ForNamespace(string ns) =>
        ns == SoapNamespaces.ForVersion(2) ? V2.Value
        : ns == SoapNamespaces.ForVersion(3) ? V3.Value
        : throw new ArgumentException($"No schema for namespace {ns}", nameof(ns));

    /// <summary>The validation errors and warnings of <paramref name="element"/> as a document of its own; empty when valid.</summary>
    public static IReadOnlyList<string> Problems(XElement element)
    {
        var document = new XDocument(new XElement(element));
        var problems = new List<string>();
        document.Validate(ForNamespace(element.Name.NamespaceName), (_, e) => problems.Add($"{e.Severity}: {e.Message}"), addSchemaInfo: true);
        if (problems.Count == 0 && document.Root!.GetSchemaInfo()?.Validity != XmlSchemaValidity.Valid)
        {
            problems.Add($"{element.Name} was not assessed as valid by the schema");
        }
        return problems;
    }

    private static XmlSchemaSet Load(int version)
    {
        var path = Path.Combine(RepoPaths.Root, "src", "Provisioning.Soap", "Contracts", $"provisioning-v{version}.xsd");
        var set = new XmlSchemaSet();
        set.ValidationEventHandler += (_, e) => throw new InvalidOperationException($"{path}: {e.Message}");
        set.Add(SoapNamespaces.ForVersion(version), path);
        set.Compile();
        return set;
    }
}
