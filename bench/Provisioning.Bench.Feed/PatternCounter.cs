namespace Provisioning.Bench.Feed;

/// <summary>
/// Counts a byte pattern in a stream read in chunks, across chunk boundaries, without keeping the stream. The patterns
/// used (<c>{"eid":</c>, <c>{"op":</c>) start with a byte found nowhere else in them, so a mismatch restarts cleanly.
/// </summary>
public sealed class PatternCounter(byte[] pattern)
{
    private int _matched;

    public long Count { get; private set; }

    public long Bytes { get; private set; }

    public void Add(ReadOnlySpan<byte> chunk)
    {
        Bytes += chunk.Length;
        foreach (var b in chunk)
        {
            if (b == pattern[_matched])
            {
                _matched++;
                if (_matched == pattern.Length)
                {
                    Count++;
                    _matched = 0;
                }
            }
            else
            {
                _matched = b == pattern[0] ? 1 : 0;
            }
        }
    }
}
