using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// What a create or update says an extension of environment <see cref="TenantId"/> is to be: <see cref="Media"/> is
/// applied to the stored media inside the write (so a v2 flag keeps the directions v3 chose), <see cref="UserId"/> null
/// leaves it without a user. The stored record is <see cref="Extension"/>.
/// </summary>
public sealed record ExtensionWrite(long TenantId, string Address, RecordingMode Mode, MediaChange Media, long? UserId)
{
    /// <summary>The environment as the caller named it, when it did: the created extension is then answered without reading it back.</summary>
    public TenantRef Tenant { get; init; }

    /// <summary>The number's type (SCIM phoneNumbers type); null keeps the stored one (a new extension then has none).</summary>
    public string? PhoneType { get; init; }
}
