using Provisioning.Core.Import;
using Provisioning.Core.Storage;

namespace Provisioning.Server.WebConsole;

/// <summary>One console import as it runs: how far it read, what it did, the lines it rejected (up to a bound).</summary>
public sealed class ImportJob(string id, string owner, string fileName, long length)
{
    private readonly Lock _lock = new();
    private readonly List<RowReport> _rejected = [];
    private ImportSummary _summary = ImportSummary.Empty;
    private long _read;
    private DateTimeOffset? _finishedAt;
    private string? _error;

    public const string Extensions = "extensions";
    public const string Users = "users";

    public string Id { get; } = id;

    /// <summary>What the file holds: <see cref="Extensions"/> or <see cref="Users"/> (the console's page of that name).</summary>
    public string Kind { get; init; } = Extensions;

    public string Owner { get; } = owner;

    public string FileName { get; } = fileName;

    public long Length { get; } = length;

    public DateTimeOffset? FinishedAt
    {
        get
        {
            lock (_lock)
            {
                return _finishedAt;
            }
        }
    }

    public ImportJobState Snapshot()
    {
        lock (_lock)
        {
            return new ImportJobState(_summary, _read, _rejected.ToArray(), _finishedAt is not null, _error);
        }
    }

    public void Report(RowReport row)
    {
        if (row.Outcome != ImportOutcome.Rejected)
        {
            return;
        }
        lock (_lock)
        {
            if (_rejected.Count < ImportJobs.KeptRejections)
            {
                _rejected.Add(row);
            }
        }
    }

    public void Progress(ImportSummary summary, long read)
    {
        lock (_lock)
        {
            (_summary, _read) = (summary, read);
        }
    }

    public void Finish(ImportSummary? summary, DateTimeOffset at, string? error)
    {
        lock (_lock)
        {
            _summary = summary ?? _summary;
            _read = Length;
            _error = error;
            _finishedAt = at;
        }
    }
}
