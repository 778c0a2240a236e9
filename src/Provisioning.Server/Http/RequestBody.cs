using System.Buffers;
using System.IO.Compression;
using Microsoft.Extensions.Primitives;

namespace Provisioning.Server.Http;

/// <summary>
/// A request body read into a pooled buffer; Kestrel's MaxRequestBodySize stops it at the configured limit. A
/// compressed body is inflated into a second buffer that stops at the same limit, so a small bomb cannot make it grow.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>
    /// The coding of a Content-Encoding header: none or identity, or one of gzip (x-gzip) and deflate; false for any
    /// other, and for stacked codings, which no SOAP client sends.
    /// </summary>
    public static bool TryCoding(StringValues header, out ContentCoding coding)
    {
        coding = ContentCoding.Identity;
        foreach (var line in header)
        {
            foreach (var token in (line ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var named = Named(token);
                if (named is null || (named != ContentCoding.Identity && coding != ContentCoding.Identity))
                {
                    return false;
                }
                if (named != ContentCoding.Identity)
                {
                    coding = named.Value;
                }
            }
        }
        return true;
    }

    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var size = (int)Math.Clamp(request.ContentLength ?? 16 * 1024, 1, 64 * 1024 * 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(size + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, buffer.Length * 2);
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return new RequestBody(buffer, length);
                }
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// The body inflated from <paramref name="coding"/> (gzip or deflate). More than <paramref name="limit"/> bytes is
    /// a 413 after inflating at most one byte more; data that is not in that coding is a 400.
    /// </summary>
    public RequestBody Decode(ContentCoding coding, int limit)
    {
        using var source = new MemoryStream(_buffer, 0, Length, writable: false);
        using var inflater = Inflater(coding, source);
        var capacity = (int)Math.Min(Math.Max(Length * 4L, 4096), limit + 1L);
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == capacity)
                {
                    if (length > limit)
                    {
                        throw new BadHttpRequestException("The decoded request body is larger than the limit.", StatusCodes.Status413PayloadTooLarge);
                    }
                    capacity = (int)Math.Min(capacity * 2L, limit + 1L);
                    buffer = Grow(buffer, length, capacity);
                }
                var read = inflater.Read(buffer, length, capacity - length);
                if (read == 0)
                {
                    return new RequestBody(buffer, length);
                }
                length += read;
            }
        }
        catch (InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new BadHttpRequestException("The request body is not in its Content-Encoding.", StatusCodes.Status400BadRequest);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private Stream Inflater(ContentCoding coding, Stream source) => coding switch
    {
        ContentCoding.Gzip => new GZipStream(source, CompressionMode.Decompress),
        // HTTP's "deflate" is the zlib format (RFC 9110 §8.4.1.2), but some clients send a bare deflate stream: a zlib
        // header is two bytes whose first names method 8 and which together are a multiple of 31 (RFC 1950).
        _ when Length >= 2 && (_buffer[0] & 0x0F) == 8 && ((_buffer[0] << 8) | _buffer[1]) % 31 == 0 => new ZLibStream(source, CompressionMode.Decompress),
        _ => new DeflateStream(source, CompressionMode.Decompress),
    };

    private static ContentCoding? Named(string token) =>
        token.Equals("identity", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Identity
        : token.Equals("gzip", StringComparison.OrdinalIgnoreCase) || token.Equals("x-gzip", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Gzip
        : token.Equals("deflate", StringComparison.OrdinalIgnoreCase) ? ContentCoding.Deflate
        : null;

    private static byte[] Grow(byte[] buffer, int length, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
