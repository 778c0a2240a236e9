using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>
/// The extensions embedded in a user. On create each is new (one that exists fails the whole user); on update the list
/// replaces the user's extensions: listed ones are created or taken over, the user's others are unlinked.
/// </summary>
internal static class UserExtensions
{
    /// <summary>Returns the address of an extension that already exists, or null when all were written.</summary>
    public static async ValueTask<string?> ReplaceAsync(IWriteSession s, IReadOnlyList<ExtensionWrite> extensions, long userId, bool created)
    {
        var kept = new List<long>(extensions.Count);
        foreach (var extension in extensions)
        {
            var write = extension with { UserId = userId };
            var stored = created ? null : await s.FindExtensionAsync(new ExtensionKey(write.TenantId, null, write.Address), forUpdate: true);
            if (stored?.Id is { } existing)
            {
                await s.UpdateExtensionAsync(existing, ExtensionStore.Record(write, stored.Media));
                kept.Add(existing);
                continue;
            }
            if (await s.InsertExtensionAsync(ExtensionStore.Record(write, RecordedMedia.None)) is not { } id)
            {
                return write.Address;
            }
            kept.Add(id);
        }
        if (!created)
        {
            await s.UnlinkExtensionsAsync(userId, kept);
        }
        return null;
    }
}
