using Provisioning.Core.Storage;

namespace Provisioning.Core.Import;

/// <summary>
/// A batch after Core's checks: the rows to write with the record each came from (by its index in the batch), and the
/// rows Core rejected. <see cref="FirstRejected"/> is the batch index of the first rejected record, if any.
/// </summary>
internal sealed record CheckedBatch(
    IReadOnlyList<ExtensionRecord> Records,
    IReadOnlyList<(int Index, ExtensionWrite Row)> Rows,
    IReadOnlyList<(int Index, RowReport Report)> Rejected)
{
    public int? FirstRejected => Rejected.Count == 0 ? null : Rejected[0].Index;
}
