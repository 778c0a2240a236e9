using System.Globalization;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Recorders;

/// <summary>
/// applyExtensionConfiguration (spec §7): brings the targeted recorders to the current revision of their configuration.
/// A recorder with a push URL is sent it; one without is announced the change (its long polls, on every instance, look
/// again) and given <see cref="RecorderOptions.PushTimeout"/> to report the revision applied. Unless forced, a
/// recorder that already runs the current revision is left alone. A recorder's answer is its status, never the call's.
/// </summary>
public sealed class ConfigurationApplier(IProvisioningStore store, ConfigurationFeed feed, ConfigurationPush push, RecorderOptions options, TimeProvider time)
{
    // How often a recorder that pulls is looked at while it is given time to report the revision applied.
    private static readonly TimeSpan AppliedRecheck = TimeSpan.FromMilliseconds(100);

    public async Task<Result<IReadOnlyList<ApplyStatus>>> ApplyAsync(
        Caller caller, IReadOnlyList<ApplyTarget> targets, bool returnSuccessful, bool force, CancellationToken cancellationToken)
    {
        if (targets.Any(t => string.IsNullOrEmpty(t.Location)))
        {
            return Failures.Mandatory("theseServersOnly.location");
        }
        if (!caller.IsSystemAdministrator && targets.Any(t => !string.IsNullOrEmpty(t.Eid) && !SameEid(t.Eid, caller.Eid)))
        {
            return Failures.PermissionDenied;
        }
        var chosen = targets.Count == 0 ? await EveryAsync(caller, cancellationToken) : await NamedAsync(caller, targets, cancellationToken);
        var plans = new List<Plan>(chosen.Count);
        foreach (var target in chosen)
        {
            plans.Add(target.Recorder is { } recorder ? await PlanAsync(target, recorder, force, cancellationToken) : target.Plan!);
        }
        if (plans.Any(p => p.Pull))
        {
            await store.Recorders.AnnounceAsync(cancellationToken);
        }
        using var parallel = new SemaphoreSlim(options.MaxParallelPushes);
        var pulled = AwaitPullsAsync(plans.Where(p => p.Pull).ToArray(), cancellationToken);
        var pushed = Task.WhenAll(plans.Select(p => p.Push ? PushAsync(p, parallel, cancellationToken) : Task.FromResult(p.Done)));
        var applied = await pulled;
        var statuses = (await pushed).Select((s, i) => s ?? applied[plans[i]]).ToArray();
        var deliveries = plans.Zip(statuses)
            .Where(d => d.First.Recorder is not null)
            .Select(d => new RecorderDelivery(
                d.First.Recorder!,
                new ConfigurationDelivery(d.First.Recorder!.Name, d.Second.Revision, d.Second.Success, d.Second.Message),
                MarkApplied: d.First.Push && d.Second.Success))
            .ToArray();
        if (deliveries.Length > 0)
        {
            await store.Recorders.RecordDeliveriesAsync(deliveries, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        }
        return Result<IReadOnlyList<ApplyStatus>>.Ok(statuses.Where(s => returnSuccessful || !s.Success).ToArray());
    }

    /// <summary>Every recorder the caller may reach: all for a System Administrator, those recording its environment by name for an Administrator.</summary>
    private async Task<IReadOnlyList<Target>> EveryAsync(Caller caller, CancellationToken cancellationToken)
    {
        var all = await store.Recorders.Reads.ListAsync(cancellationToken);
        return caller.IsSystemAdministrator
            ? all.Select(r => new Target(string.Join(',', r.Environments), r.Name, r, null)).ToArray()
            : all.Where(r => Records(r, caller.Eid)).Select(r => new Target(caller.Eid, r.Name, r, null)).ToArray();
    }

    /// <summary>The recorders theseServersOnly names, each once; a name that reaches none is a failed status of its own.</summary>
    private async Task<IReadOnlyList<Target>> NamedAsync(Caller caller, IReadOnlyList<ApplyTarget> targets, CancellationToken cancellationToken)
    {
        var chosen = new List<Target>(targets.Count);
        var seen = new HashSet<long>();
        foreach (var (eid, location) in targets)
        {
            var shownEid = string.IsNullOrEmpty(eid) ? (caller.IsSystemAdministrator ? null : caller.Eid) : eid;
            var recorder = await store.Recorders.Reads.FindAsync(location!, cancellationToken);
            if (recorder is not null && seen.Contains(recorder.Id))
            {
                continue;
            }
            var reaches = recorder is not null && (shownEid is null ? caller.IsSystemAdministrator : Records(recorder, shownEid) || (caller.IsSystemAdministrator && recorder.RecordsAll));
            if (!reaches)
            {
                // An Administrator is told the same whether the name is unknown or records other environments only.
                var message = recorder is null && caller.IsSystemAdministrator
                    ? $"no recorder is named {location}"
                    : $"no recorder named {location} records environment {shownEid}";
                chosen.Add(new Target(shownEid, location, null, new Plan(null, new ApplyStatus(shownEid, location, message, null, Success: false), null, 0, false)));
                continue;
            }
            seen.Add(recorder!.Id);
            chosen.Add(new Target(shownEid ?? string.Join(',', recorder.Environments), location, recorder, null));
        }
        return chosen;
    }

    private async Task<Plan> PlanAsync(Target target, Recorder recorder, bool force, CancellationToken cancellationToken)
    {
        // As a read of the feed does: a write acknowledged before this call is in the revision compared and sent.
        var revision = await feed.RevisionAsync(recorder, cancellationToken);
        if (!force && recorder.AppliedRevision == revision)
        {
            return new Plan(recorder, Status(target, $"up to date at revision {Number(revision)}, not sent", revision, true), null, revision, false);
        }
        return new Plan(recorder, null, target, revision, Pull: recorder.PushUrl is null);
    }

    private async Task<ApplyStatus?> PushAsync(Plan plan, SemaphoreSlim parallel, CancellationToken cancellationToken)
    {
        var (target, recorder) = (plan.Target!, plan.Recorder!);
        await parallel.WaitAsync(cancellationToken);
        try
        {
            if (await store.Recorders.Reads.FindWithSecretAsync(recorder.Name, cancellationToken) is not { } found)
            {
                return Status(target, $"recorder {recorder.Name} was removed", plan.Revision, false);
            }
            var (delivered, message) = await push.SendAsync(found.Recorder, found.SecretHash, plan.Revision, cancellationToken);
            return Status(target, message, plan.Revision, delivered);
        }
        finally
        {
            parallel.Release();
        }
    }

    /// <summary>
    /// Recorders that pull were announced the change: each runs its revision once it reports it applied. All are looked
    /// at together, one read of the registry a round, however many there are.
    /// </summary>
    private async Task<Dictionary<Plan, ApplyStatus>> AwaitPullsAsync(IReadOnlyList<Plan> pulls, CancellationToken cancellationToken)
    {
        var answered = new Dictionary<Plan, ApplyStatus>(ReferenceEqualityComparer.Instance);
        var deadline = time.GetUtcNow() + options.PushTimeout;
        while (answered.Count < pulls.Count)
        {
            var now = (await store.Recorders.Reads.ListAsync(cancellationToken)).ToDictionary(r => r.Id);
            var late = time.GetUtcNow() >= deadline;
            foreach (var plan in pulls.Where(p => !answered.ContainsKey(p)))
            {
                var applied = now.TryGetValue(plan.Recorder!.Id, out var recorder) ? recorder.AppliedRevision : null;
                if (applied >= plan.Revision)
                {
                    answered[plan] = Status(plan.Target!, $"revision {Number(plan.Revision)} fetched and applied by the recorder", plan.Revision, true);
                }
                else if (late || recorder is null)
                {
                    var runs = applied is { } a ? $"it runs revision {Number(a)}" : "it has reported no revision";
                    answered[plan] = Status(plan.Target!, $"no push URL: revision {Number(plan.Revision)} announced, not applied within {options.PushTimeoutText} ({runs})", plan.Revision, false);
                }
            }
            if (answered.Count < pulls.Count)
            {
                await Task.Delay(AppliedRecheck, time, cancellationToken);
            }
        }
        return answered;
    }

    private static ApplyStatus Status(Target target, string message, long revision, bool success) =>
        new(target.Eid, target.Location, message, revision, success);

    private static bool Records(Recorder recorder, string eid) => recorder.Environments.Any(e => SameEid(e, eid));

    private static bool SameEid(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);


    private sealed record Target(string? Eid, string? Location, Recorder? Recorder, Plan? Plan);

    /// <summary>What to do for one reported entry: nothing more (<see cref="Done"/>), wait for a pull, or push.</summary>
    private sealed record Plan(Recorder? Recorder, ApplyStatus? Done, Target? Target, long Revision, bool Pull)
    {
        public bool Push => Done is null && !Pull;
    }
}
