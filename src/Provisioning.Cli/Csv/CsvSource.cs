using CsvHelper;

namespace Provisioning.Cli.Csv;

/// <summary>
/// Reads a CSV file record by record (never whole): a header row of wire field names, in any order, then one record per
/// row with the line it starts on. Unknown or missing required columns are a usage error before anything is imported.
/// </summary>
internal sealed class CsvSource : IDisposable
{
    private readonly FileStream _stream;
    private readonly CsvReader _reader;
    private readonly int[] _columnOfHeader;

    public CsvSource(string path, IReadOnlyList<string> columns, IReadOnlyList<string> required)
    {
        try
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read {path}: {e.Message}");
        }
        _reader = CsvReader.Create(_stream, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: false);
        _reader.ReadHeader();
        var headers = _reader.Headers;
        _columnOfHeader = headers.Select(h => IndexOf(columns, h)).ToArray();
        var unknown = headers.Where((h, i) => _columnOfHeader[i] < 0).ToArray();
        var missing = required.Where(r => IndexOf(headers, r) < 0).ToArray();
        if (unknown.Length > 0 || missing.Length > 0)
        {
            Dispose();
            var problem = unknown.Length > 0 ? $"unknown column(s) {string.Join(", ", unknown)}" : $"missing column(s) {string.Join(", ", missing)}";
            throw new UsageException($"{path}: {problem}. The header names the columns: {string.Join(", ", columns)} ({string.Join(" and ", required)} required).");
        }
        ColumnCount = columns.Count;
    }

    public int ColumnCount { get; }

    public long Length => _stream.Length;

    /// <summary>How far the file has been read, in bytes.</summary>
    public long Position => _stream.Position;

    public IEnumerable<T> Records<T>(Func<long, string?[], T> make)
    {
        while (_reader.Read())
        {
            var fields = new string?[ColumnCount];
            for (var i = 0; i < _columnOfHeader.Length && i < _reader.FieldCount; i++)
            {
                fields[_columnOfHeader[i]] = _reader.GetString(i);
            }
            yield return make(_reader.LineNumber, fields);
        }
    }

    public void Dispose() => _reader.Dispose();

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
