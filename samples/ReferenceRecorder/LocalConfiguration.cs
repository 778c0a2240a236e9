using System.Text.Json;

namespace ReferenceRecorder;

/// <summary>
/// The recorder's copy of its configuration: each extension as the feed sent it, keyed by environment and address
/// (compared ignoring case, as the server compares them), and the revision the copy is at. Polls and pushes both
/// change it, so every change holds a lock.
/// </summary>
internal sealed class LocalConfiguration(string recorder)
{
    private Dictionary<(string Eid, string Address), JsonElement> _extensions = [];
    private readonly Lock _lock = new();
    private long? _revision;

    public long? Revision
    {
        get
        {
            lock (_lock)
            {
                return _revision;
            }
        }
    }

    /// <summary>
    /// Takes a full configuration (a GET without since, or a push) as the copy. A document older than the copy is left
    /// out (a push overtaken by a poll); returns the copy's revision and count of extensions, or null when left out.
    /// </summary>
    public (long Revision, int Count)? Replace(JsonElement full)
    {
        // Read whole before it replaces anything, so a malformed document leaves the copy as it was.
        var revision = full.GetProperty("revision").GetInt64();
        var extensions = new Dictionary<(string Eid, string Address), JsonElement>();
        foreach (var extension in full.GetProperty("extensions").EnumerateArray())
        {
            extensions[KeyOf(extension)] = extension.Clone();
        }
        lock (_lock)
        {
            if (revision < _revision)
            {
                return null;
            }
            _extensions = extensions;
            _revision = revision;
            return (revision, _extensions.Count);
        }
    }

    /// <summary>
    /// Applies a delta: each change is an address as it is now, so applying it over a copy at or after its since
    /// revision is right. The copy's revision never goes back. Returns the copy's revision and count of extensions.
    /// </summary>
    public (long Revision, int Count) Apply(JsonElement delta)
    {
        lock (_lock)
        {
            foreach (var change in delta.GetProperty("changes").EnumerateArray())
            {
                var key = KeyOf(change);
                if (change.GetProperty("op").GetString() == "delete")
                {
                    _extensions.Remove(key);
                }
                else
                {
                    _extensions[key] = change.Clone();
                }
            }
            _revision = Math.Max(_revision ?? 0, delta.GetProperty("revision").GetInt64());
            return (_revision.Value, _extensions.Count);
        }
    }

    /// <summary>The copy as a full configuration document (without each upsert's "op"), for --dump.</summary>
    public void WriteTo(Utf8JsonWriter w)
    {
        lock (_lock)
        {
            w.WriteStartObject();
            w.WriteString("recorder", recorder);
            w.WriteNumber("revision", _revision ?? 0);
            w.WriteStartArray("extensions");
            foreach (var extension in _extensions.Values)
            {
                w.WriteStartObject();
                foreach (var property in extension.EnumerateObject())
                {
                    if (property.Name != "op")
                    {
                        property.WriteTo(w);
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    private static (string, string) KeyOf(JsonElement extension) =>
        (extension.GetProperty("eid").GetString()!.ToLowerInvariant(), extension.GetProperty("address").GetString()!.ToLowerInvariant());
}
