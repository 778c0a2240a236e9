using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Provisioning.Core.Import;

/// <summary>
/// The natural keys an import has seen, with the line of each, to find a key that a file names twice. Keys are kept as
/// 128-bit fingerprints, not strings (two keys share one with a chance far below one in 10^20), in 4,096 small
/// open-addressing tables that each grow by a quarter when full: a million keys take about 30 MB, no table reaches the
/// large object heap, and no growth ever holds two copies of the whole set, as one dictionary doubling at a million
/// entries did (about 120 MB live at its peak).
/// </summary>
internal sealed class KeyFingerprints
{
    private const int ShardBits = 12;
    private readonly Shard[] _shards = new Shard[1 << ShardBits];

    /// <summary>Records the key at <paramref name="line"/>; returns the line it was seen on before, or null.</summary>
    public long? Add(long scope, string foldedKey, long line)
    {
        var fingerprint = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(foldedKey.AsSpan()), scope);
        var low = (ulong)fingerprint;
        var shard = _shards[low & ((1 << ShardBits) - 1)] ??= new Shard();
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        // Stored one higher, so that 0 marks an empty slot.
        return shard.Add(new Slot(low, (ulong)(fingerprint >> 64), line + 1)) - 1;
    }

    /// <summary>How many keys are recorded.</summary>
    public long Count => _shards.Sum(s => (long)(s?.Count ?? 0));

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Slot(ulong Low, ulong High, long Line)
    {
        public bool IsEmpty => Line == 0;

        public bool Matches(in Slot other) => Low == other.Low && High == other.High;
    }

    private sealed class Shard
    {
        private Slot[] _slots = new Slot[16];

        public int Count { get; private set; }

        public long? Add(Slot slot)
        {
            if (Find(_slots, slot) is var i && !_slots[i].IsEmpty)
            {
                return _slots[i].Line;
            }
            if ((Count + 1) * 5 > _slots.Length * 4)
            {
                Grow();
                i = Find(_slots, slot);
            }
            _slots[i] = slot;
            Count++;
            return null;
        }

        /// <summary>The slot holding the fingerprint, or the empty slot where it belongs (linear probing).</summary>
        private static int Find(Slot[] slots, in Slot slot)
        {
            // The low bits chose the shard; the high half spreads keys within it.
            var i = (int)(slot.High % (ulong)slots.Length);
            while (!slots[i].IsEmpty && !slots[i].Matches(slot))
            {
                i = i + 1 == slots.Length ? 0 : i + 1;
            }
            return i;
        }

        private void Grow()
        {
            var larger = new Slot[_slots.Length + (_slots.Length / 4)];
            foreach (var slot in _slots)
            {
                if (!slot.IsEmpty)
                {
                    larger[Find(larger, slot)] = slot;
                }
            }
            _slots = larger;
        }
    }
}
