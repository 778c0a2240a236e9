using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Import;

/// <summary>
/// Bulk import of extensions from records read one at a time (the file is never held whole). Rows are checked by Core,
/// then written a batch at a time through <see cref="IExtensionStore.ImportAsync"/>, one transaction per batch; while a
/// batch is written the next one is read and checked. Cancellation is honoured between batches only, so an interrupted
/// import leaves whole batches, and running it again completes it.
/// </summary>
public sealed class ExtensionImporter(IProvisioningStore store, TenantAccess access, TimeProvider time)
{
    public async Task<ImportSummary> ImportAsync(
        Caller caller,
        IEnumerable<ExtensionRecord> records,
        ImportOptions options,
        Action<RowReport> report,
        Action<ImportSummary>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var checker = new ExtensionRowChecker(store, access, caller);
        var summary = ImportSummary.Empty;
        Written? pending = null;
        using var source = records.GetEnumerator();
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                summary = summary with { Interrupted = true };
                break;
            }
            var batch = Next(source, options.BatchSize);
            if (batch.Count == 0)
            {
                break;
            }
            // Checked with no token: a batch is checked and written whole or not at all.
            var checkedBatch = await checker.CheckAsync(batch, CancellationToken.None);
            summary = await CompleteAsync(pending, summary, options, report, progress);
            pending = null;
            if (summary.Stopped)
            {
                break;
            }
            var cut = options.StopOnError ? checkedBatch.FirstRejected : null;
            var rows = checkedBatch.Rows.Where(r => cut is null || r.Index < cut).ToArray();
            pending = new Written(checkedBatch, cut, rows, store.Extensions.ImportAsync(rows.Select(r => r.Row).ToArray(), options.DryRun, caller.ActorAt(time.GetUtcNow()), CancellationToken.None));
            if (cut is not null)
            {
                break;
            }
        }
        return await CompleteAsync(pending, summary, options, report, progress);
    }

    private static List<ExtensionRecord> Next(IEnumerator<ExtensionRecord> source, int size)
    {
        var batch = new List<ExtensionRecord>(size);
        while (batch.Count < size && source.MoveNext())
        {
            batch.Add(source.Current);
        }
        return batch;
    }

    /// <summary>Waits for a written batch and reports its rows in file order.</summary>
    private static async Task<ImportSummary> CompleteAsync(Written? written, ImportSummary summary, ImportOptions options, Action<RowReport> report, Action<ImportSummary>? progress)
    {
        if (written is null)
        {
            return summary;
        }
        var results = await written.Results;
        var reports = new List<(int Index, RowReport Report)>(written.Batch.Records.Count);
        reports.AddRange(written.Batch.Rejected.Where(r => written.Cut is null || r.Index <= written.Cut));
        for (var i = 0; i < results.Count; i++)
        {
            var (index, row) = written.Rows[i];
            var record = written.Batch.Records[index];
            reports.Add((index, new RowReport(record.Line, results[i].Outcome, results[i].Outcome == ImportOutcome.Rejected ? Reason(results[i], record).Message : null)));
        }
        reports.Sort((a, b) => a.Index.CompareTo(b.Index));
        foreach (var (_, rowReport) in reports)
        {
            report(rowReport);
        }
        var rejected = reports.Any(r => r.Report.Outcome == ImportOutcome.Rejected);
        summary = summary.Add(reports.Select(r => r.Report)) with
        {
            Batches = summary.Batches + 1,
            Stopped = options.StopOnError && rejected,
        };
        progress?.Invoke(summary);
        return summary;
    }

    private static Failure Reason(ImportResult result, ExtensionRecord record) => result.Problem switch
    {
        WriteStatus.MissingReference => Failures.DoesNotExist("extension.userLoginName", record.UserLoginName ?? string.Empty),
        WriteStatus.Duplicate => Failures.ExtensionExists(record.Eid ?? string.Empty, record.Extension ?? string.Empty),
        _ => Failures.Illegal("The change was refused"),
    };

    private sealed record Written(CheckedBatch Batch, int? Cut, (int Index, ExtensionWrite Row)[] Rows, Task<IReadOnlyList<ImportResult>> Results);
}
