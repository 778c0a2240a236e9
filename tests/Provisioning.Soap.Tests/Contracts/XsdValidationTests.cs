using System.Xml.Linq;
using Provisioning.Soap.Envelope;
using Provisioning.Soap.Tests.Support;
using Provisioning.Soap.Wire;
using Provisioning.Tests.Shared;

namespace Provisioning.Soap.Tests.Contracts;

/// <summary>
/// Every documented request and response, and every non-fault reference answer, is valid against the XSD we publish:
/// the single child of soap:Body is validated against the schema of its namespace.
/// </summary>
public sealed class XsdValidationTests
{
    /// <summary>Documented operations the WSDL does not offer yet (later issues), so there is nothing to validate against.</summary>
    private static readonly string[] NotInWsdl = [];

    /// <summary>
    /// The environment type is an xs:sequence in property order, because XSD 1.0 cannot say "any order" for a type with
    /// a repeated element (partitions). These documented files list environment's children in another order.
    /// </summary>
    private static readonly string[] EnvironmentOutOfOrder =
    [
        "examples/v2/updateEnvironment.with-partitions.request.xml",
        "examples/v2/getEnvironmentByEid.reference-environment.response.xml",
    ];

    // A case is (folder, operation, rest of the file name): xUnit cuts a displayed argument at 50 characters, and
    // whole paths would lose the part that tells request from response.
    public static TheoryData<string, string, string> InOrder { get; } = Cases(GoldenFiles().Except(EnvironmentOutOfOrder));

    public static TheoryData<string, string, string> OutOfOrder { get; } = Cases(EnvironmentOutOfOrder);

    [Theory]
    [MemberData(nameof(InOrder))]
    public void BodyChild_GoldenFile_IsValid(string folder, string operation, string file)
    {
        Assert.Empty(Schemas.Problems(BodyChild(folder, operation, file)));
    }

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    public void BodyChild_EnvironmentOutOfOrder_IsInvalidAsItStands(string folder, string operation, string file)
    {
        Assert.NotEmpty(Schemas.Problems(BodyChild(folder, operation, file)));
    }

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    public void BodyChild_EnvironmentChildrenSortedInPropertyOrder_IsValid(string folder, string operation, string file)
    {
        var child = BodyChild(folder, operation, file);
        foreach (var environment in child.Descendants("environment").ToList())
        {
            environment.ReplaceNodes(environment.Elements().OrderBy(e => e.Name.LocalName, JaxbOrder.Instance).ToList());
        }

        Assert.Empty(Schemas.Problems(child));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Schema_SkippedOperations_AreNotDeclared(int version)
    {
        var declared = Schemas.ForNamespace(SoapNamespaces.ForVersion(version)).GlobalElements.Names.Cast<System.Xml.XmlQualifiedName>().Select(n => n.Name);

        Assert.Empty(declared.Intersect(NotInWsdl));
    }

    [Fact]
    public void GoldenFiles_Always_CoverBothVersionsAndTheReference()
    {
        var files = GoldenFiles().ToList();

        Assert.Contains(files, f => f.StartsWith("examples/v2/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("examples/v3/", StringComparison.Ordinal));
        Assert.Contains("reference/getExtension.ok.response.xml", files);
        Assert.DoesNotContain(files, f => f.Contains("/fault.", StringComparison.Ordinal));
    }

    /// <summary>Paths under tests/spec, with forward slashes so the case names read the same everywhere.</summary>
    private static IEnumerable<string> GoldenFiles()
    {
        var examples = new[] { "examples/v2", "examples/v3" }
            .SelectMany(folder => Directory.EnumerateFiles(RepoPaths.Spec(folder), "*.xml").Select(f => $"{folder}/{Path.GetFileName(f)}"))
            .Where(f => !NotInWsdl.Contains(Path.GetFileName(f).Split('.')[0]));
        var reference = Directory.EnumerateFiles(RepoPaths.Spec("reference"), "*.response.xml")
            .Select(f => $"reference/{Path.GetFileName(f)}")
            .Where(f => !f.StartsWith("reference/fault.", StringComparison.Ordinal));
        return examples.Concat(reference).Order(StringComparer.Ordinal);
    }

    private static TheoryData<string, string, string> Cases(IEnumerable<string> paths)
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var path in paths)
        {
            var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
            var name = Path.GetFileName(path);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            cases.Add(folder, name[..dot], name[(dot + 1)..]);
        }
        return cases;
    }

    private static XElement BodyChild(string folder, string operation, string file)
    {
        var document = XDocument.Load(RepoPaths.Spec($"{folder}/{operation}.{file}"));
        XNamespace soap = SoapNamespaces.Soap11;
        return Assert.Single(document.Root!.Element(soap + "Body")!.Elements());
    }
}
