namespace Provisioning.Core.Storage;

/// <summary>
/// A unique or foreign-key violation that a concurrent writer caused after a write's own checks passed (only where
/// several writers share the database), as the write result it stands for.
/// </summary>
public readonly record struct StoreConflict(WriteStatus Status, StoreKey Key);
