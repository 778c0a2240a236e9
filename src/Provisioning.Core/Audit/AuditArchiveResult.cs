namespace Provisioning.Core.Audit;

/// <summary>
/// What an archive run did: how many entries it archived and removed and the last one (none when nothing was old
/// enough), or why it removed nothing: the chain it read did not verify (<see cref="Break"/>), or it changed meanwhile.
/// </summary>
public sealed record AuditArchiveResult(long Archived, AuditAnchor? Through, AuditBreak? Break, string? Refusal)
{
    public static AuditArchiveResult Nothing { get; } = new(0, null, null, null);
}
