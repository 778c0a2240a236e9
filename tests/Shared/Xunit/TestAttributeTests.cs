using System.Reflection;
using Xunit.Sdk;

namespace Provisioning.Tests.Shared;

/// <summary>
/// Compiled into every test project, so each checks itself: a test whose attribute is not the skippable one would turn
/// a skipped PostgreSQL test into a failure on a machine without PostgreSQL.
/// </summary>
public sealed class TestAttributeTests
{
    private static readonly string[] SkippableDiscoverers = ["Xunit.Sdk.SkippableFactDiscoverer", "Xunit.Sdk.SkippableTheoryDiscoverer"];

    [Fact]
    public void TestMethods_InThisAssembly_AllUseSkippableDiscoverers()
    {
        var tests = typeof(TestAttributeTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<Xunit.FactAttribute>().Select(a => (Method: m, Attribute: a)))
            .ToArray();

        var unskippable = tests
            .Where(t => !SkippableDiscoverers.Contains(DiscovererOf(t.Attribute.GetType())))
            .Select(t => $"{t.Method.DeclaringType?.FullName}.{t.Method.Name} [{t.Attribute.GetType().FullName}]")
            .ToArray();

        Assert.True(tests.Length > 1, "no test methods found by reflection");
        Assert.Empty(unskippable);
    }

    [Fact]
    public void Discoverers_NamedByTheAttributes_AreLoadable()
    {
        foreach (var name in SkippableDiscoverers)
        {
            Assert.NotNull(Type.GetType($"{name}, Xunit.SkippableFact", throwOnError: false));
        }
    }

    [Fact]
    public void Fact_InTestNamespace_ResolvesToTheSkippableOne()
    {
        var attribute = typeof(TestAttributeTests).GetMethod(nameof(Fact_InTestNamespace_ResolvesToTheSkippableOne))!.GetCustomAttribute<Xunit.FactAttribute>();

        Assert.IsType<FactAttribute>(attribute);
        Assert.NotEqual(typeof(Xunit.FactAttribute), typeof(FactAttribute));
    }

    // The attribute's own discoverer, not an inherited one: Xunit.FactAttribute's FactDiscoverer does not catch SkipException.
    private static string? DiscovererOf(Type attributeType) =>
        attributeType.GetCustomAttributesData()
            .FirstOrDefault(a => a.AttributeType == typeof(XunitTestCaseDiscovererAttribute))?
            .ConstructorArguments[0].Value as string;
}
