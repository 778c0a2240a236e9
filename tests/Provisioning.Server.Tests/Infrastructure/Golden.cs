using System.Text.RegularExpressions;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>The documented envelopes, and the comparison of our answers with them on the wire.</summary>
public static partial class Golden
{
    public const string Declaration = "<?xml version='1.0' encoding='UTF-8'?>";

    public static string Read(string name) => RepoPaths.ReadSpec(Path.Combine("examples", name));

    /// <summary>Removes only the whitespace between tags, as the documentation indents and the wire does not.</summary>
    public static string Compact(string xml) => BetweenTags().Replace(xml.Trim(), "><");

    /// <summary>The request with its placeholder token replaced by a real one.</summary>
    public static string WithToken(string request, string token) => TokenElement().Replace(request, $"<token>{token}</token>", 1);

    /// <summary>
    /// Asserts that an answer is the documented response byte for byte (the declaration the documentation leaves out
    /// aside, and whitespace between its tags).
    /// </summary>
    public static void AssertSame(string documented, SoapAnswer answer)
    {
        Assert.StartsWith(Declaration, answer.Body, StringComparison.Ordinal);
        Assert.Equal(Compact(documented), answer.Body[Declaration.Length..]);
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex(@"<token>[^<]*</token>")]
    private static partial Regex TokenElement();
}
