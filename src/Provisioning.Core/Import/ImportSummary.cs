namespace Provisioning.Core.Import;

/// <summary>
/// The rows an import has handled so far, by outcome. <see cref="Stopped"/>: it ended at a rejected row (stop on error);
/// <see cref="Interrupted"/>: it was cancelled between batches, and every batch it started was written whole.
/// </summary>
public sealed record ImportSummary(long Created, long Updated, long Unchanged, long Rejected, long Batches, bool Stopped = false, bool Interrupted = false)
{
    public static ImportSummary Empty { get; } = new(0, 0, 0, 0, 0);

    public long Rows => Created + Updated + Unchanged + Rejected;

    public bool ChangedNothing => Created + Updated == 0;

    public ImportSummary Add(IEnumerable<RowReport> reports)
    {
        var summary = this;
        foreach (var report in reports)
        {
            summary = report.Outcome switch
            {
                Storage.ImportOutcome.Created => summary with { Created = summary.Created + 1 },
                Storage.ImportOutcome.Updated => summary with { Updated = summary.Updated + 1 },
                Storage.ImportOutcome.Unchanged => summary with { Unchanged = summary.Unchanged + 1 },
                _ => summary with { Rejected = summary.Rejected + 1 },
            };
        }
        return summary;
    }
}
