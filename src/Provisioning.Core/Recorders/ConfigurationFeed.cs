using System.Runtime.CompilerServices;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Recorders;

/// <summary>
/// What a recorder reads of its configuration (spec §7): authenticated by its secret, the revision, the extensions of
/// its environments (paged, so memory stays flat), the changes since a revision, a long poll, and its report.
/// </summary>
public sealed class ConfigurationFeed(IProvisioningStore store, RecorderService recorders, ConfigurationSignal signal, TimeProvider time)
{
    /// <summary>The longest long poll a recorder may ask for.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many logged changes are kept for deltas: a recorder that was away for more changes than this fetches in full.
    /// A million rows is about 100 MB at most, and more changes than a full fetch of the largest configuration costs.
    /// </summary>
    public const int KeptChanges = 1_000_000;

    private const int PageSize = 2000;

    // A change announced but not yet settled below every running transaction (PostgreSQL) is looked for again this often.
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RecheckFor = TimeSpan.FromSeconds(2);

    // Compared against when the name is unknown, so an unknown name costs the same as a wrong secret.
    private static readonly byte[] NoSecret = RecorderSecrets.Hash(RecorderSecrets.NewSecret());

    /// <summary>The recorder with that name whose secret this is; null for an unknown name or a wrong secret alike.</summary>
    public async Task<Recorder?> AuthenticateAsync(string name, string? secret, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrEmpty(name) ? null : await store.Recorders.Reads.FindWithSecretAsync(name, cancellationToken);
        var matches = RecorderSecrets.Matches(secret ?? string.Empty, found?.SecretHash ?? NoSecret);
        return matches && !string.IsNullOrEmpty(secret) ? found?.Recorder : null;
    }

    public Task<long> RevisionAsync(Recorder recorder, CancellationToken cancellationToken) => recorders.CurrentRevisionAsync(recorder, cancellationToken);

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
    /// thread; returns the revision then.
    /// </summary>
    public async Task<long> WaitAsync(Recorder recorder, long after, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + (wait > MaxWait ? MaxWait : wait);
        var recheckUntil = DateTimeOffset.MinValue;
        while (true)
        {
            var woken = signal.Next;
            var revision = await RevisionAsync(recorder, cancellationToken);
            var now = time.GetUtcNow();
            if (revision > after || now >= deadline)
            {
                return revision;
            }
            var remaining = deadline - now;
            var pause = now < recheckUntil && Recheck < remaining ? Recheck : remaining;
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var elapsed = Task.Delay(pause, time, timer.Token);
            if (await Task.WhenAny(woken, elapsed) == woken)
            {
                recheckUntil = time.GetUtcNow() + RecheckFor;
            }
            await timer.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Records the revision the recorder runs now, and the contact.</summary>
    public async Task RecordAppliedAsync(Recorder recorder, long revision, CancellationToken cancellationToken) =>
        await store.Recorders.RecordAppliedAsync(recorder.Id, revision, time.GetUtcNow(), cancellationToken);
}
