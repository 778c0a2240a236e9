using Xunit.Sdk;

namespace Provisioning;

/// <summary>
/// Every <c>[Fact]</c> in the test projects is this one: C# finds a type in an enclosing namespace before the
/// <c>Xunit</c> using, so a test that calls <c>Skip.If</c> (TestPostgres.Require does) is reported skipped, never
/// failed, without each test having to remember <c>[SkippableFact]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Xunit.Sdk.SkippableFactDiscoverer", "Xunit.SkippableFact")]
public sealed class FactAttribute : Xunit.FactAttribute;
