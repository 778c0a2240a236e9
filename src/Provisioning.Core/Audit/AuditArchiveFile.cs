using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provisioning.Core.Audit;

/// <summary>
/// An archive of audit entries: gzip-compressed JSON lines. The first line names the format, the anchor the first
/// entry follows and the time the entries are older than; then one line per entry in chain order, with its position
/// and hash; the last line the final position, hash and count, so a truncated file is told from a whole one.
/// </summary>
public static class AuditArchiveFile
{
    public const string Format = "verba-provisioning-audit-archive";
    public const string Extension = ".jsonl.gz";

    // Before and after are JSON text kept as strings, byte for byte as the chain hashed them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="entries"/> (the chain after <paramref name="start"/>) to <paramref name="path"/>, flushed to disk; returns the last entry's anchor and the count.</summary>
    public static async Task<(AuditAnchor End, long Count)> WriteAsync(
        string path, AuditAnchor start, DateTimeOffset before, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var (end, count) = (start, 0L);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            await WriteLineAsync(gzip, buffer, w =>
            {
                w.WriteString("format", Format);
                w.WriteNumber("version", 1);
                WriteAnchor(w, "start", start);
                w.WriteString("before", before.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            }, cancellationToken);
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                await WriteLineAsync(gzip, buffer, w => WriteEntry(w, entry), cancellationToken);
                (end, count) = (new AuditAnchor(entry.Position ?? 0, entry.Hash ?? []), count + 1);
            }
            await WriteLineAsync(gzip, buffer, w =>
            {
                WriteAnchor(w, "end", end);
                w.WriteNumber("count", count);
            }, cancellationToken);
        }
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        return (end, count);
    }

    /// <summary>Walks the file's chain from its first line's anchor and checks it reaches its last line's end with its count.</summary>
    public static async Task<AuditVerification> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        await using var reader = await AuditArchiveReader.OpenAsync(path, cancellationToken);
        var result = await AuditVerifier.VerifyAsync(reader.Start, reader.EntriesAsync(cancellationToken), null, cancellationToken);
        if (result.Break is not null)
        {
            return result;
        }
        var problem = reader.End switch
        {
            null => "the file ends without its closing line: it was cut short",
            var (end, count) when end != result.End || count != result.Verified + result.Unsealed =>
                string.Create(CultureInfo.InvariantCulture, $"its closing line says {count} entries ending at position {end.Position}, but the chain in it ends at {result.End.Position} after {result.Verified}"),
            _ => null,
        };
        if (problem is null && result.Unsealed > 0)
        {
            problem = "it holds entries without a hash";
        }
        return problem is null ? result : result with { Break = new AuditBreak(null, result.End.Position + 1, AuditBreakKind.Removed, problem) };
    }

    /// <summary>The archive files of <paramref name="directory"/>, by name (the scheduled ones are named by time).</summary>
    public static IReadOnlyList<string> In(string directory) =>
        Directory.GetFiles(directory, "*" + Extension).Order(StringComparer.Ordinal).ToArray();

    private static async Task WriteLineAsync(Stream stream, ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    private static void WriteAnchor(Utf8JsonWriter writer, string name, AuditAnchor anchor)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("position", anchor.Position);
        writer.WriteString("hash", anchor.HashHex);
        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter w, AuditEntry e)
    {
        w.WriteNumber("position", e.Position ?? 0);
        w.WriteNumber("id", e.Id);
        w.WriteString("at", e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        w.WriteString("eid", e.Eid);
        w.WriteString("login", e.Login);
        if (e.TokenId is { } token)
        {
            w.WriteNumber("tokenId", token);
        }
        else
        {
            w.WriteNull("tokenId");
        }
        w.WriteString("operation", e.Operation);
        w.WriteString("entity", e.Entity);
        w.WriteString("key", e.Key);
        w.WriteString("before", e.Before);
        w.WriteString("after", e.After);
        w.WriteString("hash", e.Hash is null ? null : AuditChain.Hex(e.Hash));
    }
}
