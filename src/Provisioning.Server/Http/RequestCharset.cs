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
        try
        {
            var named = Encoding.GetEncoding(charset.ToString().Trim('"'));
            if (named.CodePage != Encoding.UTF8.CodePage)
            {
                encoding = Encoding.GetEncoding(named.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
