using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Provisioning.Core.Import;

/// <summary>
/// The natural keys an import has seen, with the line of each, to find a key that a file names twice. Keys are kept as
/// 128-bit fingerprints, not strings: a million keys then take tens of megabytes, and two keys share a fingerprint with
/// a chance far below one in 10^20.
/// </summary>
internal sealed class KeyFingerprints
{
    private readonly Dictionary<UInt128, long> _lines = [];

    /// <summary>Records the key at <paramref name="line"/>; returns the line it was seen on before, or null.</summary>
    public long? Add(long scope, string foldedKey, long line)
    {
        var fingerprint = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(foldedKey.AsSpan()), scope);
        if (_lines.TryGetValue(fingerprint, out var first))
        {
            return first;
        }
        _lines[fingerprint] = line;
        return null;
    }
}
