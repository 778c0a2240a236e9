using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Audit;
using Provisioning.Core.Caching;
using Provisioning.Core.Recorders;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Server.WebConsole.Pages;

/// <summary>The overview: what each environment holds, which recorders are behind, extensions per environment and changes per day.</summary>
public sealed class IndexModel(StatisticsService statistics, RecorderService recorders, IProvisioningStore store, OverviewCounts counts, TimeProvider time) : ConsolePage
{
    public const int Days = 14;

    public IReadOnlyList<TenantStatistics> Environments { get; private set; } = [];

    /// <summary>The recorders not running their current revision; null when the caller may not list recorders.</summary>
    public IReadOnlyList<RecorderStatus>? Behind { get; private set; }

    public BarChart ExtensionsChart { get; private set; } = new("", []);

    public BarChart ChangesChart { get; private set; } = new("", []);

    /// <summary>When the counts shown were taken (they are kept for up to <see cref="CachePolicy.OverviewMaxAge"/>).</summary>
    public DateTimeOffset CountedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = Caller("overview");
        var ct = HttpContext.RequestAborted;
        var figures = await counts.GetAsync(caller.IsSystemAdministrator ? "*" : "tenant:" + caller.TenantId.ToString(CultureInfo.InvariantCulture), c => CountAsync(caller, c), ct);
        if (!figures.IsOk)
        {
            return Refuse(figures.ToFailure());
        }
        (CountedAt, Environments) = (figures.Value.At, figures.Value.Environments);
        if (caller.IsSystemAdministrator && await recorders.ListAsync(caller, ct) is { IsOk: true } listed)
        {
            Behind = listed.Value.Where(r => !r.UpToDate).ToArray();
        }
        ExtensionsChart = new BarChart("Extensions per environment", Environments.Select(e => (e.Eid, e.Extensions)).ToArray());
        ChangesChart = new BarChart("Changes per day (audit log, UTC)", figures.Value.ChangesPerDay);
        return Page();
    }

    private async Task<Result<OverviewFigures>> CountAsync(Caller caller, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var stats = await statistics.GetAsync(caller, ct);
        return stats.IsOk
            ? Result<OverviewFigures>.Ok(new OverviewFigures(at, stats.Value, await ChangesPerDayAsync(caller.IsSystemAdministrator ? null : caller.Eid, ct)))
            : stats.ToFailure();
    }

    private async Task<(string, long)[]> ChangesPerDayAsync(string? eid, CancellationToken ct)
    {
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var days = new (string, long)[Days];
        for (var i = 0; i < Days; i++)
        {
            var day = today.AddDays(i - Days + 1);
            var count = await store.Audit.CountAsync(new AuditQuery(Eid: eid, Since: day) { Until = day.AddDays(1) }, ct);
            days[i] = (day.ToString("MM-dd", CultureInfo.InvariantCulture), count);
        }
        return days;
    }
}
