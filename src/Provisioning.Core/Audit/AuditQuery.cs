namespace Provisioning.Core.Audit;

/// <summary>Which audit entries to read: of one environment (eid), since a time or after an id, of one entity type.</summary>
public sealed record AuditQuery(string? Eid = null, DateTimeOffset? Since = null, long? AfterId = null, string? Entity = null);
