namespace Provisioning.Core.Scim;

/// <summary>
/// A bearer token of the SCIM service, as stored: the environment it confines every request to and its name, which the
/// audit log names the actor by ("scim:{name}"). The token itself is never stored, only its SHA-256.
/// </summary>
public sealed record ScimToken
{
    public long Id { get; init; }

    public long TenantId { get; init; }

    public required string Eid { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
