using Provisioning.Core.Storage;

namespace Provisioning.Core.Import;

/// <summary>What became of the row that starts on <see cref="Line"/>; a rejected row says why.</summary>
public sealed record RowReport(long Line, ImportOutcome Outcome, string? Reason);
