using System.Collections.Concurrent;
using Provisioning.Core.Caching;
using Provisioning.Core.Results;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// The overview's counts, kept for <see cref="CachePolicy.OverviewMaxAge"/> per scope (every environment for a System
/// Administrator, one environment for an Administrator) and counted again when older. Only counts that were granted
/// are kept; what may be seen is decided again on every view.
/// </summary>
public sealed class OverviewCounts(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, OverviewFigures> _kept = new(StringComparer.Ordinal);

    public async Task<Result<OverviewFigures>> GetAsync(string scope, Func<CancellationToken, Task<Result<OverviewFigures>>> count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_kept.TryGetValue(scope, out var kept) && now - kept.At < CachePolicy.OverviewMaxAge && kept.At <= now)
        {
            return Result<OverviewFigures>.Ok(kept);
        }
        var counted = await count(cancellationToken);
        if (counted.IsOk)
        {
            _kept[scope] = counted.Value;
        }
        return counted;
    }
}
