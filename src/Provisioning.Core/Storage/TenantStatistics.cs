using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// What one environment holds, for v3 getStatistics: users, groups, extensions (and how many per recording mode, every
/// mode listed), the recorders that record it (its own and those of every environment) and its users' live tokens.
/// </summary>
public sealed record TenantStatistics(
    long TenantId,
    string Eid,
    string ShortName,
    long Users,
    long Groups,
    long Extensions,
    IReadOnlyList<(RecordingMode Mode, long Count)> ExtensionsByMode,
    long Recorders,
    long LiveTokens);
