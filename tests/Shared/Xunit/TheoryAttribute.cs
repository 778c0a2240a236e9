using Xunit.Sdk;

namespace Provisioning;

/// <summary>Every <c>[Theory]</c> in the test projects is this one, skippable for the same reason as <see cref="FactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Xunit.Sdk.SkippableTheoryDiscoverer", "Xunit.SkippableFact")]
public sealed class TheoryAttribute : Xunit.TheoryAttribute;
