using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>The statements of extension writes.</summary>
internal sealed partial class SqlWriteSession
{
    public ValueTask<Extension?> FindExtensionAsync(ExtensionKey key, bool forUpdate) =>
        ExtensionRows.FindAsync(c, key, forUpdate ? c.Dialect.ForUpdate("e") : string.Empty);

    public ValueTask<bool> AddressTakenAsync(long tenantId, string addressKey, long exceptId) =>
        c.ExistsAsync("SELECT 1 FROM extensions WHERE tenant_id = @t AND address_key = @k AND id <> @id", ("@t", tenantId), ("@k", addressKey), ("@id", exceptId));

    public ValueTask<long?> InsertExtensionAsync(Extension extension) => c.InsertAsync(
        "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id, phone_type) VALUES (@t, @a, @k, @m, @media, @u, @pt) ON CONFLICT DO NOTHING",
        ExtensionRows.Parameters(extension));

    public async ValueTask UpdateExtensionAsync(long id, Extension extension) => await c.ExecuteAsync(
        "UPDATE extensions SET address = @a, address_key = @k, recording_mode = @m, media = @media, user_id = @u, phone_type = COALESCE(@pt, phone_type) WHERE id = @id",
        [.. ExtensionRows.Parameters(extension), ("@id", id)]);

    public async ValueTask DeleteExtensionAsync(long id) => await c.ExecuteAsync("DELETE FROM extensions WHERE id = @id", ("@id", id));

    public async ValueTask UnlinkExtensionsAsync(long userId, IReadOnlyList<long> keep) => await c.ExecuteAsync(
        $"UPDATE extensions SET user_id = NULL WHERE user_id = @u AND NOT ({c.Dialect.InList("id", "@kept")})", ("@u", userId), ("@kept", keep));
}
