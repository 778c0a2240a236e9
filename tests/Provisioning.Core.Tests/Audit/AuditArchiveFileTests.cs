using System.IO.Compression;
using Provisioning.Core.Audit;

namespace Provisioning.Core.Tests.Audit;

/// <summary>An archive file verifies from its first line's anchor to its closing line; a file cut short or edited does not.</summary>
public sealed class AuditArchiveFileTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2031, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("audit-archive-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Verify_FileAsWritten_IsIntactFromItsAnchorToItsLastEntry()
    {
        var (start, entries) = Chain(5, 10);
        var path = await WriteAsync(start, entries);

        var result = await AuditArchiveFile.VerifyAsync(path, CancellationToken.None);

        Assert.Null(result.Break);
        Assert.Equal((start, new AuditAnchor(15, entries[^1].Hash!), 10L), (result.Start, result.End, result.Verified));
    }

    [Fact]
    public async Task Verify_ClosingLineMissing_SaysTheFileWasCutShort()
    {
        var (start, entries) = Chain(0, 4);
        var path = await WriteAsync(start, entries);
        await RewriteAsync(path, lines => lines[..^1]);

        var broken = (await AuditArchiveFile.VerifyAsync(path, CancellationToken.None)).Break;

        Assert.Contains("cut short", broken?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EntryEditedInTheFile_NamesIt()
    {
        var (start, entries) = Chain(0, 4);
        var path = await WriteAsync(start, entries);
        await RewriteAsync(path, lines => [.. lines.Select(l => l.Replace("\"key\":\"k2\"", "\"key\":\"k9\"", StringComparison.Ordinal))]);

        var broken = (await AuditArchiveFile.VerifyAsync(path, CancellationToken.None)).Break;

        Assert.Equal((entries[2].Id, AuditBreakKind.Changed), (broken?.EntryId, broken?.Kind));
    }

    /// <summary><paramref name="count"/> sealed entries after position <paramref name="after"/>, hashed as the sealer hashes them.</summary>
    private static (AuditAnchor Start, AuditEntry[] Entries) Chain(long after, int count)
    {
        var start = new AuditAnchor(after, after == 0 ? AuditChain.Genesis.Hash : [.. Enumerable.Repeat((byte)7, 32)]);
        var previous = start;
        var entries = new AuditEntry[count];
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditEntry(100 + i, T0.AddTicks(i * 1234567), "AB12", "AB12:alice", 9, "v3:updateExtension", "extension", $"k{i}", "{\"mode\":\"full\"}", "{\"mode\":\"onDemand\",\"name\":\"Zoë + Ω\"}");
            var position = previous.Position + 1;
            entries[i] = entry with { Position = position, Hash = AuditChain.Hash(previous.Hash, entry, position) };
            previous = new AuditAnchor(position, entries[i].Hash!);
        }
        return (start, entries);
    }

    private async Task<string> WriteAsync(AuditAnchor start, AuditEntry[] entries)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + AuditArchiveFile.Extension);
        await AuditArchiveFile.WriteAsync(path, start, T0.AddDays(1), entries.ToAsyncEnumerable(), CancellationToken.None);
        return path;
    }

    private static async Task RewriteAsync(string path, Func<string[], string[]> change)
    {
        string[] lines;
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
        {
            lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        await using var writer = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest));
        await writer.WriteAsync(string.Join('\n', change(lines)) + "\n");
    }
}
