namespace Provisioning.Core.Storage;

/// <summary>
/// A committed change that caches must hear about at once: a token released, a user changed or deleted (its rights
/// or existence), an environment changed. Stores raise them after commit, on every instance that shares the database.
/// </summary>
public readonly record struct StoreChange(StoreChangeKind Kind, long Id)
{
    /// <summary>The id that stands for every object of the kind: sent when changes may have been missed.</summary>
    public const long Every = 0;
}
