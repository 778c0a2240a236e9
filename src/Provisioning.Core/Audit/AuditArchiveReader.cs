using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Provisioning.Core.Audit;

/// <summary>Reads an <see cref="AuditArchiveFile"/>: its first line when opened, its entries as they are walked, its closing line at the end.</summary>
public sealed class AuditArchiveReader : IAsyncDisposable
{
    private readonly StreamReader _reader;

    private AuditArchiveReader(StreamReader reader, AuditAnchor start, DateTimeOffset before, string path)
    {
        _reader = reader;
        Start = start;
        Before = before;
        Path = path;
    }

    public string Path { get; }

    /// <summary>What the file's first entry follows.</summary>
    public AuditAnchor Start { get; }

    /// <summary>The time every entry in the file is older than.</summary>
    public DateTimeOffset Before { get; }

    /// <summary>The closing line's last entry and count, once <see cref="EntriesAsync"/> has read it; null before, or when the file has none.</summary>
    public (AuditAnchor End, long Count)? End { get; private set; }

    /// <summary>Opens <paramref name="path"/> and reads its first line; a file that is not an archive is an <see cref="InvalidDataException"/> naming it.</summary>
    public static async Task<AuditArchiveReader> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        try
        {
            using var header = JsonDocument.Parse(await reader.ReadLineAsync(cancellationToken) ?? "{}");
            var root = header.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != AuditArchiveFile.Format)
            {
                throw new InvalidDataException($"{path} is not an audit archive: its first line does not name the format {AuditArchiveFile.Format}.");
            }
            return new AuditArchiveReader(reader, Anchor(root.GetProperty("start")), Time(root.GetProperty("before")), path);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            reader.Dispose();
            throw new InvalidDataException($"{path} is not an audit archive: {e.Message}", e);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<AuditEntry> EntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            using var document = ParseLine(line);
            var e = document.RootElement;
            if (e.TryGetProperty("end", out var end))
            {
                End = (Anchor(end), e.GetProperty("count").GetInt64());
                yield break;
            }
            yield return Entry(e);
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }

    private JsonDocument ParseLine(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path} holds a line that is not JSON: {e.Message}", e);
        }
    }

    private static AuditEntry Entry(JsonElement e)
    {
        var hash = e.GetProperty("hash").GetString();
        return new AuditEntry(
            e.GetProperty("id").GetInt64(), Time(e.GetProperty("at")), e.GetProperty("eid").GetString(), e.GetProperty("login").GetString()!,
            e.GetProperty("tokenId").ValueKind == JsonValueKind.Null ? null : e.GetProperty("tokenId").GetInt64(),
            e.GetProperty("operation").GetString()!, e.GetProperty("entity").GetString()!, e.GetProperty("key").GetString()!,
            e.GetProperty("before").GetString(), e.GetProperty("after").GetString(),
            hash is null ? null : e.GetProperty("position").GetInt64(), hash is null ? null : Convert.FromHexString(hash));
    }

    private static AuditAnchor Anchor(JsonElement e) => new(e.GetProperty("position").GetInt64(), Convert.FromHexString(e.GetProperty("hash").GetString()!));

    private static DateTimeOffset Time(JsonElement e) => DateTimeOffset.Parse(e.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
