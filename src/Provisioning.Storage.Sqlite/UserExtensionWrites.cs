using Microsoft.Data.Sqlite;
using Provisioning.Core.Model;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// The extensions embedded in a user. On create each is new (one that exists fails the whole user); on update the list
/// replaces the user's extensions: listed ones are created or taken over, the user's others are unlinked.
/// </summary>
internal static class UserExtensionWrites
{
    /// <summary>Returns the key of an extension that already exists, or null when all were written.</summary>
    public static string? Replace(SqliteConnection c, User user, bool created)
    {
        var kept = new List<long>(user.Extensions.Count);
        foreach (var extension in user.Extensions)
        {
            var key = Keys.Fold(extension.Address!);
            var stored = created ? null : Stored(c, user.TenantId, key);
            if (stored is { } existing)
            {
                Sql.Execute(
                    c,
                    "UPDATE extensions SET address = @a, recording_mode = @m, media = @media, user_id = @u WHERE id = @id",
                    ("@a", extension.Address), ("@m", extension.Mode), ("@media", extension.MediaOver(new RecordedMedia(existing.Media)).Bits),
                    ("@u", user.Id), ("@id", existing.Id));
                kept.Add(existing.Id);
                continue;
            }
            var id = Sql.Insert(
                c,
                "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id) VALUES (@t, @a, @k, @m, @media, @u) "
                + "ON CONFLICT DO NOTHING",
                ("@t", user.TenantId), ("@a", extension.Address), ("@k", key), ("@m", extension.Mode), ("@media", extension.MediaOver(RecordedMedia.None).Bits), ("@u", user.Id));
            if (id is null)
            {
                return Core.Services.ExtensionKeys.Duplicate(extension.Address!);
            }
            kept.Add(id.Value);
        }
        if (!created)
        {
            Sql.Execute(
                c,
                "UPDATE extensions SET user_id = NULL WHERE user_id = @u AND id NOT IN (SELECT value FROM json_each(@kept))",
                ("@u", user.Id), ("@kept", Sql.JsonIds(kept)));
        }
        return null;
    }

    private static (long Id, int Media)? Stored(SqliteConnection c, long tenantId, string key)
    {
        var command = Sql.Command(c, "SELECT id, media FROM extensions WHERE tenant_id = @t AND address_key = @k", ("@t", tenantId), ("@k", key));
        using var r = command.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetInt32(1)) : null;
    }
}
