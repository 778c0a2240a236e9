using System.Runtime.CompilerServices;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Recorders;

/// <summary>
/// What a recorder reads of its configuration (spec §7): authenticated by its secret, the revision, the extensions of
/// its environments (paged, so memory stays flat), the changes since a revision, a long poll, and its report.
/// </summary>
public sealed class ConfigurationFeed(IProvisioningStore store, ConfigurationSignal signal, TimeProvider time)
{
    /// <summary>The longest long poll a recorder may ask for.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many logged changes are kept for deltas: a recorder that was away for more changes than this fetches in full.
    /// A million rows is about 100 MB at most, and more changes than a full fetch of the largest configuration costs.
    /// </summary>
    public const int KeptChanges = 1_000_000;

    /// <summary>
    /// How long a read of the configuration waits for the newest change of its environments committed before it to be
    /// settled (PostgreSQL serves a revision once every older transaction on the cluster has ended), so that whoever
    /// reads right after a write acknowledged to it sees that write, in the content and the ETag alike. Writes last
    /// milliseconds, so the wait does too; only a transaction held open longer (a bulk import, a session idle in
    /// transaction) reaches this bound, and then the read answers with the settled revision and the change comes with
    /// the next one. A second is far above a write's duration and small against an HTTP client's patience.
    /// </summary>
    public static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(1);

    private const int PageSize = 2000;

    // Committed but not yet settled changes are looked for again after 2, 4, 8 … ms, then every 100 ms: most settle
    // within a few ms, and a read held up to the bound costs about fifteen short queries.
    private static readonly TimeSpan FirstRecheck = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(100);

    // Compared against when the name is unknown, so an unknown name costs the same as a wrong secret.
    private static readonly byte[] NoSecret = RecorderSecrets.Hash(RecorderSecrets.NewSecret());

    /// <summary>The recorder with that name whose secret this is; null for an unknown name or a wrong secret alike.</summary>
    public async Task<Recorder?> AuthenticateAsync(string name, string? secret, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrEmpty(name) ? null : await store.Recorders.Reads.FindWithSecretAsync(name, cancellationToken);
        var matches = RecorderSecrets.Matches(secret ?? string.Empty, found?.SecretHash ?? NoSecret);
        return matches && !string.IsNullOrEmpty(secret) ? found?.Recorder : null;
    }

    /// <summary>
    /// The revision to serve: once every change of the recorder's environments committed before this call is settled,
    /// or the settled one after <see cref="SettleWait"/>. Never lower than the horizon.
    /// </summary>
    public async Task<long> RevisionAsync(Recorder recorder, CancellationToken cancellationToken) =>
        (await SettledAsync(recorder, SettleWait, cancellationToken)).Revision;

    /// <summary>Every extension of the recorder's environments, a page at a time in id order.</summary>
    public async IAsyncEnumerable<ConfiguredExtension> ExtensionsAsync(Recorder recorder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await store.Recorders.Reads.ExtensionsAsync(recorder.EnvironmentKeys, after, PageSize, cancellationToken);
            foreach (var (_, extension) in page)
            {
                yield return extension;
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            after = page[^1].Id;
        }
    }

    /// <summary>The changes after <paramref name="since"/> up to the current revision; null when the log no longer reaches back to it.</summary>
    public async Task<(long Revision, IReadOnlyList<ConfigurationChange> Changes)?> ChangesAsync(Recorder recorder, long since, CancellationToken cancellationToken)
    {
        var reads = store.Recorders.Reads;
        var horizon = await reads.HorizonAsync(cancellationToken);
        if (since < horizon)
        {
            return null;
        }
        var revision = Math.Max(await reads.RevisionAsync(recorder.EnvironmentKeys, cancellationToken), horizon);
        var changes = since >= revision ? [] : await reads.ChangesAsync(recorder.EnvironmentKeys, since, revision, cancellationToken);
        return (revision, changes);
    }

    /// <summary>
    /// Waits until the recorder's revision passes <paramref name="after"/> or <paramref name="wait"/> ends, holding no
    /// thread; returns the revision then. Changes committed before the call count as for <see cref="RevisionAsync"/>.
    /// </summary>
    public async Task<long> WaitAsync(Recorder recorder, long after, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + (wait > MaxWait ? MaxWait : wait);
        var woken = signal.Next;
        var (revision, committed) = await SettledAsync(recorder, SettleWait, cancellationToken);
        while (revision <= after)
        {
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }
            // A change committed but not settled yet (PostgreSQL) is announced once, at its commit, not when it settles.
            var pause = committed > after && Recheck < remaining ? Recheck : remaining;
            using (var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(woken, Task.Delay(pause, time, timer.Token));
                await timer.CancelAsync();
            }
            cancellationToken.ThrowIfCancellationRequested();
            woken = signal.Next;
            (revision, committed) = await SettledAsync(recorder, TimeSpan.Zero, cancellationToken);
        }
        return revision;
    }

    /// <summary>
    /// The settled revision (not below the horizon) and the newest committed one, read again while a change committed
    /// before the call is not settled, for <paramref name="bound"/> at most.
    /// </summary>
    private async Task<(long Revision, long Committed)> SettledAsync(Recorder recorder, TimeSpan bound, CancellationToken cancellationToken)
    {
        var reads = store.Recorders.Reads;
        var deadline = time.GetUtcNow() + bound;
        var (settled, committed) = await reads.RevisionsAsync(recorder.EnvironmentKeys, cancellationToken);
        // The target stays the first read's: changes committed meanwhile are not waited for, so steady writes elsewhere
        // cannot hold a read to the bound.
        var target = committed;
        var pause = FirstRecheck;
        while (settled < target)
        {
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }
            await Task.Delay(Min(pause, left), time, cancellationToken);
            pause = Min(pause * 2, Recheck);
            (settled, committed) = await reads.RevisionsAsync(recorder.EnvironmentKeys, cancellationToken);
        }
        return (Math.Max(settled, await reads.HorizonAsync(cancellationToken)), committed);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Records the revision the recorder runs now, and the contact.</summary>
    public async Task RecordAppliedAsync(Recorder recorder, long revision, CancellationToken cancellationToken) =>
        await store.Recorders.RecordAppliedAsync(recorder.Id, revision, time.GetUtcNow(), cancellationToken);
}
