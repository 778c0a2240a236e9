using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>
/// The Chromium the browser tests drive: Debian's package (installed by .ci/run), or PROVISIONING_TEST_CHROMIUM. Without
/// it the calling test is skipped with the reason locally, and fails under CI=true.
/// </summary>
public static class TestChromium
{
    public const string Variable = "PROVISIONING_TEST_CHROMIUM";

    public static string Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string Require()
    {
        if (File.Exists(Path))
        {
            return Path;
        }
        var reason = $"{Path} is missing: the console's browser tests need Chromium (apt-get install chromium, or set {Variable})";
        if (TestPostgres.InCi)
        {
            throw new InvalidOperationException(reason + "; under CI=true .ci/run must install it");
        }
        Skip.If(true, reason);
        return "";
    }
}
