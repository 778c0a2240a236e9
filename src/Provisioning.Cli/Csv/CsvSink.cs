using CsvHelper;

namespace Provisioning.Cli.Csv;

/// <summary>Writes a CSV file (or standard output) as import reads it: a header of wire field names, one record per row.</summary>
internal sealed class CsvSink : IAsyncDisposable
{
    private readonly CsvWriter _writer;

    private CsvSink(CsvWriter writer, IReadOnlyList<string> columns)
    {
        _writer = writer;
        _writer.WriteHeader([.. columns]);
    }

    /// <summary>A sink on the file <paramref name="path"/>, or on standard output for none or "-".</summary>
    public static CsvSink Open(string? path, CliConsole console, IReadOnlyList<string> columns)
    {
        var options = new CsvWriterOptions { NewLine = "\n" };
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            return new CsvSink(CsvWriter.Create(console.Out, options, leaveOpen: true), columns);
        }
        try
        {
            var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            return new CsvSink(CsvWriter.Create(file, options, leaveOpen: false), columns);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot write {path}: {e.Message}");
        }
    }

    public void Write(string?[] fields) => _writer.WriteRecord(fields!);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
