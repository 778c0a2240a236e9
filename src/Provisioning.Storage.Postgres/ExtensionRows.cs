using Npgsql;
using Provisioning.Core.Model;

namespace Provisioning.Storage.Postgres;

/// <summary>Reads extension rows (with their environment) without the linked user; callers add it.</summary>
internal static class ExtensionRows
{
    public const string Select = "SELECT e.id, e.tenant_id, t.eid, t.short_name, e.address, e.recording_mode, e.media, e.user_id "
        + "FROM extensions e JOIN tenants t ON t.id = e.tenant_id";

    public static (Extension Extension, long? UserId) Read(NpgsqlDataReader r) => (
        new Extension
        {
            Id = r.GetInt64(0),
            TenantId = r.GetInt64(1),
            Tenant = new TenantRef(r.GetString(2), r.GetString(3)),
            Address = r.GetString(4),
            Mode = (RecordingMode)r.GetInt32(5),
            Media = new RecordedMedia(r.GetInt32(6)),
        },
        r.Int64(7));
}
