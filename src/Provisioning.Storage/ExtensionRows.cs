using System.Data.Common;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>Reads extension rows (with their environment); the linked user is added by <see cref="WithUsersAsync"/> or carries its id only.</summary>
internal static class ExtensionRows
{
    public const string Select = "SELECT e.id, e.tenant_id, t.eid, t.short_name, e.address, e.recording_mode, e.media, e.user_id, e.phone_type "
        + "FROM extensions e JOIN tenants t ON t.id = e.tenant_id";

    /// <summary>
    /// The condition for a key, written for its shape: a generic "(@id IS NULL OR id = @id)" keeps the planner from using
    /// the primary key or the (environment, address) index, and every create and update would scan the environment.
    /// </summary>
    public static string KeyWhere(ExtensionKey key) => (key.Id, key.Address) switch
    {
        (not null, not null) => "e.id = @id AND e.tenant_id = @t AND e.address_key = @key",
        (not null, null) => "e.id = @id AND e.tenant_id = @t",
        _ => "e.tenant_id = @t AND e.address_key = @key",
    };

    /// <summary>The extension a key names, its user carrying only its id; a key that names nothing finds nothing.</summary>
    public static async ValueTask<Extension?> FindAsync(SqlSession c, ExtensionKey key, string locking = "")
    {
        if (key.Id is null && key.Address is null)
        {
            return null;
        }
        var rows = await c.ListAsync(
            $"{Select} WHERE {KeyWhere(key)}{locking}",
            Read,
            ("@t", key.TenantId), ("@id", key.Id), ("@key", key.Address is null ? null : Keys.Fold(key.Address)));
        return rows is [var row, ..] ? WithUserId(row) : null;
    }

    public static (Extension Extension, long? UserId) Read(DbDataReader r) => (new Extension
    {
        Id = r.GetInt64(0),
        TenantId = r.GetInt64(1),
        Tenant = new TenantRef(r.GetString(2), r.GetString(3)),
        Address = r.GetString(4),
        Mode = (RecordingMode)r.GetInt32(5),
        Media = new RecordedMedia(r.GetInt32(6)),
        PhoneType = r.IsDBNull(8) ? null : r.GetString(8),
    }, r.Int64(7));

    public static Extension WithUserId((Extension Extension, long? UserId) row) =>
        row.Extension with { User = row.UserId is { } user ? new User { Id = user } : null };

    /// <summary>The extensions with their users (each without its extensions), read in one query for all.</summary>
    public static async ValueTask<IReadOnlyList<Extension>> WithUsersAsync(SqlSession c, List<(Extension Extension, long? UserId)> rows)
    {
        var ids = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToArray();
        var users = ids.Length == 0
            ? []
            : (await UserRows.ReadAsync(c, c.Dialect.InList("u.id", "@ids"), UserParts.WithoutExtensions, int.MaxValue, ("@ids", ids))).ToDictionary(u => u.Id!.Value);
        return rows.ConvertAll(r => r.Extension with { User = r.UserId is { } id && users.TryGetValue(id, out var user) ? user : null });
    }

    public static (string, object?)[] Parameters(Extension e) =>
    [
        ("@t", e.TenantId), ("@a", e.Address), ("@k", Keys.Fold(e.Address!)), ("@m", e.Mode), ("@media", e.Media.Bits), ("@u", e.User?.Id), ("@pt", e.PhoneType),
    ];
}
