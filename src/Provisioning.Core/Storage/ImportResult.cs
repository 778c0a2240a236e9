namespace Provisioning.Core.Storage;

/// <summary>
/// The store's answer for one import row. A rejected row carries why as a write status: MissingReference
/// <see cref="StoreKey.User"/> when its user is not in the environment, Duplicate <see cref="StoreKey.Extension"/> when
/// its address is taken by another extension.
/// </summary>
public readonly record struct ImportResult(ImportOutcome Outcome, WriteStatus Problem, StoreKey Key)
{
    public static ImportResult Created { get; } = new(ImportOutcome.Created, WriteStatus.Ok, StoreKey.None);

    public static ImportResult Updated { get; } = new(ImportOutcome.Updated, WriteStatus.Ok, StoreKey.None);

    public static ImportResult Unchanged { get; } = new(ImportOutcome.Unchanged, WriteStatus.Ok, StoreKey.None);

    public static ImportResult Rejected(WriteStatus problem, StoreKey key) => new(ImportOutcome.Rejected, problem, key);
}
