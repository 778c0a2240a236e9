using System.Text.Json;

namespace ReferenceRecorder;

/// <summary>What the recorder tells: one line per applied revision on standard output and, with --dump, the copy as a file.</summary>
internal sealed class Report(TextWriter output, LocalConfiguration copy, string? dumpPath)
{
    // Addresses as the server writes them ("+4930…", not "\u002B4930…").
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _lock = new();

    /// <summary>Writes the dump first, so whoever reads the line finds the file at that revision or later.</summary>
    public void Applied((long Revision, int Count) state, string how)
    {
        lock (_lock)
        {
            if (dumpPath is not null)
            {
                // Written beside and moved over the old one, so a reader never sees half a file.
                var partial = dumpPath + ".partial";
                using (var file = File.Create(partial))
                using (var w = new Utf8JsonWriter(file, Relaxed))
                {
                    copy.WriteTo(w);
                }
                File.Move(partial, dumpPath, overwrite: true);
            }
            Line($"revision {state.Revision}: {state.Count} extensions ({how})");
        }
    }

    public void Line(string line)
    {
        lock (_lock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
