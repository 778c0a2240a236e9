namespace Provisioning.Core.Audit;

/// <summary>The before and after of an audit entry as stored: JSON text, null when the object did not exist (resp. no longer does).</summary>
public readonly record struct AuditValues(string? Before, string? After);
