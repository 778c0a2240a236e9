using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// The storage a new environment is created with (spec §8): a folder, and policies that use it when they name no folder
/// of their own. Both are bound to the environment inside the write that creates it.
/// </summary>
public sealed record DefaultStorage(StorageFolder? Folder, IReadOnlyList<StoragePolicy> Policies)
{
    public static DefaultStorage None { get; } = new(null, []);
}
