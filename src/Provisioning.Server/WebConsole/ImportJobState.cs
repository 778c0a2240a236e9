using Provisioning.Core.Import;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// One consistent view of an import: counts, bytes read, rejected lines, and whether and how it ended, all taken under
/// the job's lock at once. A page that read the counts and the "finished" flag separately could show a job that had
/// just finished with the counts of before its last batch ("Finished: 0 rows") and stop following it.
/// </summary>
public sealed record ImportJobState(ImportSummary Summary, long Read, IReadOnlyList<RowReport> Rejected, bool Finished, string? Error)
{
    /// <summary>The server stopped between two batches: the batches written are whole; importing the file again completes it.</summary>
    public bool Interrupted => Finished && Error is null && Summary.Interrupted;
}
