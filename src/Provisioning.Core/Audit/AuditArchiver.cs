using Provisioning.Core.Storage;

namespace Provisioning.Core.Audit;

/// <summary>
/// Moves the oldest part of the audit chain to an archive file: seals, writes the entries older than a time to the file
/// with the anchors around them, reads the file back and verifies it, and only then removes those entries, recording
/// the removal as an entry of its own that names the last one removed and its hash (docs/AUDIT.md).
/// </summary>
public sealed class AuditArchiver(IProvisioningStore store)
{
    public async Task<AuditArchiveResult> ArchiveAsync(DateTimeOffset before, string path, AuditActor actor, CancellationToken cancellationToken)
    {
        var audit = store.Audit;
        await audit.SealAsync(cancellationToken);
        var (start, _) = await audit.EndsAsync(cancellationToken);
        if (await audit.PrefixBeforeAsync(before, cancellationToken) is not { } through)
        {
            return AuditArchiveResult.Nothing;
        }
        var partial = path + ".partial";
        File.Delete(partial);
        try
        {
            await AuditArchiveFile.WriteAsync(partial, start, before, AuditLog.ChainAsync(audit, through, cancellationToken), cancellationToken);
            var check = await AuditArchiveFile.VerifyAsync(partial, cancellationToken);
            if (check.Break is not null || check.End.Position != through)
            {
                return new(0, null, check.Break ?? new AuditBreak(null, check.End.Position + 1, AuditBreakKind.Removed, $"the chain read ends at position {check.End.Position}, not at {through}"), null);
            }
            File.Move(partial, path);
            var record = new AuditPrune(check.Verified, start.Position + 1, check.End.Position, check.End.HashHex, before, Path.GetFileName(path));
            return await audit.PruneAsync(start, check.End, record, actor, cancellationToken)
                ? new(check.Verified, check.End, null, null)
                : new(0, null, null, $"the audit chain was pruned by another run meanwhile; nothing was removed, and {path} holds entries that are archived elsewhere too");
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
