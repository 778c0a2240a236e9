using System.Text.Json;
using Provisioning.Core.Model;

namespace Provisioning.Core.Recorders;

/// <summary>
/// The configuration's JSON, as the feed serves it and a push sends it: recording modes by their wire names (FULL,
/// ON_DEMAND, …), media as modality → directions (1 incoming, 2 outgoing, 3 internal), the names spec §5 gives them.
/// </summary>
public static class ConfigurationJson
{
    /// <summary>Addresses as they are ("+4930…", not "\u002B4930…"): the body is JSON for programs, never embedded in HTML.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The full configuration, <c>{"recorder", "revision", "extensions": […]}</c>, written as it is read:
    /// <paramref name="flush"/> is called whenever more than <paramref name="flushBytes"/> were written since the last
    /// call, so memory does not grow with the configuration.
    /// </summary>
    public static async Task WriteFullAsync(
        Utf8JsonWriter w, string recorder, long revision, IAsyncEnumerable<ConfiguredExtension> extensions, int flushBytes, Func<CancellationToken, ValueTask> flush, CancellationToken cancellationToken)
    {
        w.WriteStartObject();
        w.WriteString("recorder", recorder);
        w.WriteNumber("revision", revision);
        w.WriteStartArray("extensions");
        // Counted from the bytes written, not BytesPending: a writer over a PipeWriter hands its bytes to the pipe each
        // time it needs a new segment (about 4 kB), so BytesPending never reached flushBytes, nothing was flushed, and
        // Kestrel held the whole body until the end (1,000,000 extensions: 120 MB of JSON, RSS up by 164 MB).
        var flushed = 0L;
        await foreach (var extension in extensions.WithCancellation(cancellationToken))
        {
            WriteExtension(w, extension);
            if (w.BytesCommitted + w.BytesPending - flushed > flushBytes)
            {
                w.Flush();
                await flush(cancellationToken);
                flushed = w.BytesCommitted;
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(cancellationToken);
    }

    public static void WriteExtension(Utf8JsonWriter w, ConfiguredExtension e, string? op = null)
    {
        w.WriteStartObject();
        if (op is not null)
        {
            w.WriteString("op", op);
        }
        w.WriteString("eid", e.Eid);
        w.WriteString("address", e.Address);
        w.WriteString("recordingMode", RecordingModeNames.Of(e.Mode));
        w.WriteStartObject("media");
        foreach (var modality in Enum.GetValues<Modality>())
        {
            if (e.Media.Has(modality))
            {
                w.WriteStartArray(NameOf(modality));
                foreach (var direction in e.Media.DirectionsOf(modality))
                {
                    w.WriteNumberValue((int)direction);
                }
                w.WriteEndArray();
            }
        }
        w.WriteEndObject();
        if (e.LoginName is null)
        {
            w.WriteNull("user");
        }
        else
        {
            w.WriteStartObject("user");
            w.WriteString("loginName", e.LoginName);
            w.WriteString("displayName", e.DisplayName);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    public static void WriteChange(Utf8JsonWriter w, ConfigurationChange change)
    {
        if (change.Now is { } now)
        {
            WriteExtension(w, now, "upsert");
            return;
        }
        w.WriteStartObject();
        w.WriteString("op", "delete");
        w.WriteString("eid", change.Eid);
        w.WriteString("address", change.Address);
        w.WriteEndObject();
    }

    private static string NameOf(Modality modality) => modality switch
    {
        Modality.Voice => "voice",
        Modality.Video => "video",
        Modality.Im => "im",
        Modality.Screen => "screen",
        _ => throw new ArgumentOutOfRangeException(nameof(modality), modality, null),
    };
}
