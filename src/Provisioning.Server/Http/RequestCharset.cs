using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Provisioning.Server.Http;

/// <summary>
/// The encoding a request's Content-Type charset names. It decides only for a body that does not name its own
/// encoding (no byte order mark, no XML declaration with encoding), as XML 1.0 Appendix F and JAX-WS have it.
/// </summary>
internal static class RequestCharset
{
    static RequestCharset()
    {
        // windows-1252 and the other legacy code pages: Windows clients label requests with them, and .NET knows only
        // the Unicode encodings, ASCII and Latin-1 without this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// False when <paramref name="charset"/> names no encoding this runtime knows. Null for UTF-8 or no charset, so
    /// the common request keeps the reader's own UTF-8 path; otherwise a decoder that refuses undefined bytes instead
    /// of replacing them.
    /// </summary>
    public static bool TryResolve(StringSegment charset, out Encoding? encoding)
    {
        encoding = null;
        if (StringSegment.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var name = charset.ToString().Trim('"');
        if (!Resolved.TryGetValue(name, out var known))
        {
            known = Lookup(name);
            // Bounded: the names come from clients, and a flood of made-up ones must not grow it.
            if (Resolved.Count < MaxNames)
            {
                Resolved.TryAdd(name, known);
            }
        }
        encoding = known.Encoding;
        return known.Exists;
    }

    private const int MaxNames = 64;

    // Each name looked up once: a Windows client labels every request alike, and an unknown name would otherwise cost a
    // caught exception per request.
    private static readonly ConcurrentDictionary<string, (bool Exists, Encoding? Encoding)> Resolved = new(StringComparer.OrdinalIgnoreCase);

    private static (bool Exists, Encoding? Encoding) Lookup(string name)
    {
        try
        {
            var named = Encoding.GetEncoding(name);
            return named.CodePage == Encoding.UTF8.CodePage
                ? (true, null)
                : (true, Encoding.GetEncoding(named.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
        }
        catch (ArgumentException)
        {
            return (false, null);
        }
    }
}
