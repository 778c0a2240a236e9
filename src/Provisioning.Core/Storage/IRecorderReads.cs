using Provisioning.Core.Recorders;

namespace Provisioning.Core.Storage;

/// <summary>Reads of the recorder registry and of the configuration recorders are given (spec §7).</summary>
public interface IRecorderReads
{
    /// <summary>The recorder with that name, ignoring case.</summary>
    Task<Recorder?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>The recorder with that name and the hash of its secret, for authentication only.</summary>
    Task<(Recorder Recorder, byte[] SecretHash)?> FindWithSecretAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Recorder>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The newest revision of a change to the extensions of these environments (folded eids; null for all) that no
    /// later-committing write can precede; 0 when none is logged.
    /// </summary>
    Task<long> RevisionAsync(IReadOnlyList<string>? eidKeys, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="RevisionAsync"/> (Settled) and the newest change of these environments committed so far, settled or
    /// not (Committed), read together. Where revisions settle only after older transactions end (PostgreSQL), Committed
    /// may be the greater for a moment: a change already acknowledged to its writer is not served yet. Elsewhere they are equal.
    /// </summary>
    Task<(long Settled, long Committed)> RevisionsAsync(IReadOnlyList<string>? eidKeys, CancellationToken cancellationToken);

    /// <summary>The newest revision pruned from the change log: no delta can start before it.</summary>
    Task<long> HorizonAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> extensions of these environments with ids above <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<(long Id, ConfiguredExtension Extension)>> ExtensionsAsync(IReadOnlyList<string>? eidKeys, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Each address of these environments changed after <paramref name="since"/> up to <paramref name="upTo"/>, once, as it is now.</summary>
    Task<IReadOnlyList<ConfigurationChange>> ChangesAsync(IReadOnlyList<string>? eidKeys, long since, long upTo, CancellationToken cancellationToken);

    /// <summary>Keeps the newest <paramref name="keep"/> logged changes and moves the horizon past the rest; returns how many went.</summary>
    Task<int> PruneChangesAsync(int keep, CancellationToken cancellationToken);
}
