using System.Buffers;
using System.Text.Json;
using Provisioning.Core.Model;
using Provisioning.Core.Recorders;

namespace Provisioning.Core.Tests.Recorders;

/// <summary>
/// The full configuration leaves in pieces of bounded size, also when the writer writes straight into its output's
/// segments as it does into Kestrel's pipe: otherwise the server holds the whole body of a million extensions.
/// </summary>
public sealed class ConfigurationJsonTests
{
    private const int FlushBytes = 32 * 1024;
    private const int SegmentBytes = 4096;

    [Fact]
    public async Task WriteFullAsync_WriterOverSegments_FlushesEachFlushBytes()
    {
        var output = new Segments();
        var largestUnflushed = 0L;
        var flushedAt = 0L;
        await using (var w = new Utf8JsonWriter(output, ConfigurationJson.Options))
        {
            await ConfigurationJson.WriteFullAsync(w, "rec1", 7, ExtensionsAsync(5000), FlushBytes, _ =>
            {
                largestUnflushed = Math.Max(largestUnflushed, output.Written - flushedAt);
                flushedAt = output.Written;
                return ValueTask.CompletedTask;
            }, CancellationToken.None);
        }

        Assert.True(output.Written > 10 * FlushBytes, $"the body was only {output.Written} bytes");
        Assert.InRange(largestUnflushed, 1, FlushBytes + SegmentBytes);
    }

    private static async IAsyncEnumerable<ConfiguredExtension> ExtensionsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new ConfiguredExtension("AB12", $"+4930{i:D7}", RecordingMode.OnDemand, new RecordedMedia(7), "alice", "Alice");
        }
    }

    /// <summary>Hands out segments of 4 kB, as Kestrel's response pipe does, and counts what was written into them.</summary>
    private sealed class Segments : IBufferWriter<byte>
    {
        public long Written { get; private set; }

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => new byte[Math.Max(sizeHint, SegmentBytes)];

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
