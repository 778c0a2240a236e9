using CsvHelper;

namespace Provisioning.Hosting;

/// <summary>
/// A CSV file read record by record (never whole), for the command line's import and the console's upload alike: a
/// header of wire field names in any order, then one record per row with the line it starts on. The header is checked
/// before anything is imported.
/// </summary>
public sealed class CsvRecords : IDisposable
{
    private readonly FileStream _stream;
    private readonly CsvReader _reader;
    private readonly int[] _columnOfHeader;
    private readonly int _columnCount;

    private CsvRecords(FileStream stream, CsvReader reader, int[] columnOfHeader, int columnCount)
    {
        (_stream, _reader, _columnOfHeader, _columnCount) = (stream, reader, columnOfHeader, columnCount);
    }

    public long Length => _stream.Length;

    /// <summary>How far the file has been read, in bytes.</summary>
    public long Position => _stream.Position;

    /// <summary>
    /// Opens the file; null and the problem when its header names unknown columns or misses required ones. A file that
    /// cannot be read throws the IOException or UnauthorizedAccessException that says why.
    /// </summary>
    public static CsvRecords? Open(string path, IReadOnlyList<string> columns, IReadOnlyList<string> required, out string? problem)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: false);
        reader.ReadHeader();
        var headers = reader.Headers;
        var columnOfHeader = headers.Select(h => IndexOf(columns, h)).ToArray();
        var unknown = headers.Where((h, i) => columnOfHeader[i] < 0).ToArray();
        var missing = required.Where(r => IndexOf(headers, r) < 0).ToArray();
        if (unknown.Length > 0 || missing.Length > 0)
        {
            reader.Dispose();
            var what = unknown.Length > 0 ? $"unknown column(s) {string.Join(", ", unknown)}" : $"missing column(s) {string.Join(", ", missing)}";
            problem = $"The file has {what}. The header names the columns: {string.Join(", ", columns)} ({string.Join(" and ", required)} required).";
            return null;
        }
        problem = null;
        return new CsvRecords(stream, reader, columnOfHeader, columns.Count);
    }

    public IEnumerable<T> Records<T>(Func<long, string?[], T> make)
    {
        while (_reader.Read())
        {
            var fields = new string?[_columnCount];
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
