using Provisioning.Core.Model;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// The extensions embedded in a user. On create each is new (one that exists fails the whole user); on update the list
/// replaces the user's extensions: listed ones are created or taken over, the user's others are unlinked.
/// </summary>
internal static class UserExtensionWrites
{
    /// <summary>Returns the key of an extension that already exists, or null when all were written.</summary>
    public static async Task<string?> ReplaceAsync(Db c, User user, bool created)
    {
        var kept = new List<long>(user.Extensions.Count);
        foreach (var extension in user.Extensions)
        {
            var key = Keys.Fold(extension.Address!);
            var stored = created ? null : await StoredAsync(c, user.TenantId, key);
            if (stored is { } existing)
            {
                await c.ExecuteAsync(
                    "UPDATE extensions SET address = @a, recording_mode = @m, media = @media, user_id = @u WHERE id = @id",
                    ("@a", extension.Address), ("@m", extension.Mode), ("@media", extension.MediaOver(new RecordedMedia(existing.Media)).Bits),
                    ("@u", user.Id), ("@id", existing.Id));
                kept.Add(existing.Id);
                continue;
            }
            var id = await c.Int64Async(
                "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id) VALUES (@t, @a, @k, @m, @media, @u) "
                + "ON CONFLICT DO NOTHING RETURNING id",
                ("@t", user.TenantId), ("@a", extension.Address), ("@k", key), ("@m", extension.Mode), ("@media", extension.MediaOver(RecordedMedia.None).Bits), ("@u", user.Id));
            if (id is null)
            {
                return Core.Services.ExtensionKeys.Duplicate(extension.Address!);
            }
            kept.Add(id.Value);
        }
        if (!created)
        {
            await c.ExecuteAsync("UPDATE extensions SET user_id = NULL WHERE user_id = @u AND NOT (id = ANY(@kept))", ("@u", user.Id), ("@kept", kept.ToArray()));
        }
        return null;
    }

    /// <summary>The stored extension under a row lock: its media change applies to the value no other write is changing.</summary>
    private static async Task<(long Id, int Media)?> StoredAsync(Db c, long tenantId, string key)
    {
        var rows = await c.ListAsync(
            "SELECT id, media FROM extensions WHERE tenant_id = @t AND address_key = @k FOR UPDATE",
            r => (r.GetInt64(0), r.GetInt32(1)),
            ("@t", tenantId), ("@k", key));
        return rows.Count == 0 ? null : rows[0];
    }
}
