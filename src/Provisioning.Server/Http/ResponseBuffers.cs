using System.Collections.Concurrent;

namespace Provisioning.Server.Http;

/// <summary>
/// Reused buffers for responses: each is written whole (its length goes in Content-Length) before it is sent, and a
/// fresh MemoryStream per request would be garbage for the collector at every request.
/// </summary>
internal static class ResponseBuffers
{
    private const int MaxPooled = 256;
    private const int MaxKeptCapacity = 256 * 1024;
    private static readonly ConcurrentQueue<MemoryStream> Pool = new();

    public static MemoryStream Rent() => Pool.TryDequeue(out var stream) ? stream : new MemoryStream(4096);

    public static void Return(MemoryStream stream)
    {
        if (stream.Capacity > MaxKeptCapacity || Pool.Count >= MaxPooled)
        {
            return;
        }
        stream.SetLength(0);
        Pool.Enqueue(stream);
    }
}
