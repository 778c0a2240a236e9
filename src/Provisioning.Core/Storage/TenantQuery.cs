namespace Provisioning.Core.Storage;

/// <summary>Which environments a list wants; <see cref="OnlyTenantId"/> confines it to one the caller may see.</summary>
public sealed record TenantQuery(TextMatch? Eid, TextMatch? ShortName, bool? Inactive, long? OnlyTenantId);
