using Provisioning.Hosting;

namespace Provisioning.Cli.Csv;

/// <summary>
/// The import file, read through <see cref="CsvRecords"/>; a file that cannot be read, or whose header names unknown
/// columns or misses required ones, is a usage error before anything is imported.
/// </summary>
internal static class CsvSource
{
    public static CsvRecords Open(string path, IReadOnlyList<string> columns, IReadOnlyList<string> required)
    {
        CsvRecords? records;
        string? problem;
        try
        {
            records = CsvRecords.Open(path, columns, required, out problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read {path}: {e.Message}");
        }
        return records ?? throw new UsageException($"{path}: {problem}");
    }
}
