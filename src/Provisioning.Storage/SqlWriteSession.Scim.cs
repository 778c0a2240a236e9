using Provisioning.Core.Model;
using Provisioning.Core.Scim;

namespace Provisioning.Storage;

/// <summary>The statements of the SCIM token writes.</summary>
internal sealed partial class SqlWriteSession
{
    public ValueTask<ScimToken?> FindScimTokenAsync(long tenantId, string nameKey) =>
        ScimTokenRows.FindAsync(c, "s.tenant_id = @t AND s.name_key = @k", ("@t", tenantId), ("@k", nameKey));

    public async ValueTask<long?> InsertScimTokenAsync(ScimToken token, byte[] hash) => await c.InsertAsync(
        "INSERT INTO scim_tokens (tenant_id, name, name_key, token_hash, created_at) VALUES (@t, @n, @k, @h, @at) ON CONFLICT DO NOTHING",
        ("@t", token.TenantId), ("@n", token.Name), ("@k", Keys.Fold(token.Name)), ("@h", hash), ("@at", token.CreatedAt));

    public async ValueTask DeleteScimTokenAsync(long id) => await c.ExecuteAsync("DELETE FROM scim_tokens WHERE id = @id", ("@id", id));
}
