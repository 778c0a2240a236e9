using Provisioning.Core.Storage;

namespace Provisioning.Server.WebConsole;

/// <summary>What the overview counts, as counted at <paramref name="At"/>: each environment's figures and the audit log's changes per day.</summary>
public sealed record OverviewFigures(DateTimeOffset At, IReadOnlyList<TenantStatistics> Environments, (string Label, long Value)[] ChangesPerDay);
