namespace Provisioning.Core.Audit;

/// <summary>
/// Where a chain stops verifying: the entry (none when entries at the end are missing), its chain position, what was
/// done there, and a sentence saying so.
/// </summary>
public sealed record AuditBreak(long? EntryId, long Position, AuditBreakKind Kind, string Message);
