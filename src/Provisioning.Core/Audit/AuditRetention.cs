using System.Globalization;
using Provisioning.Core.Security;

namespace Provisioning.Core.Audit;

/// <summary>
/// The retention policy applied: entries older than <see cref="AuditOptions.Retention"/> are archived to a file of
/// <see cref="AuditOptions.ArchiveDirectory"/> named by the time of the run, and removed; recorded as "system",
/// operation "audit retention".
/// </summary>
public sealed class AuditRetention(AuditArchiver archiver, AuditOptions options, TimeProvider time)
{
    public const string Operation = "audit retention";

    public bool Enabled => options.Retention is not null && !string.IsNullOrEmpty(options.ArchiveDirectory);

    /// <summary>Archives and removes what is past retention; null when no retention is set.</summary>
    public async Task<AuditArchiveResult?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (options.Retention is not { } keep || string.IsNullOrEmpty(options.ArchiveDirectory))
        {
            return null;
        }
        var now = time.GetUtcNow();
        Directory.CreateDirectory(options.ArchiveDirectory);
        var name = "audit-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + AuditArchiveFile.Extension;
        var actor = (Caller.System with { Operation = Operation }).ActorAt(now);
        return await archiver.ArchiveAsync(now - keep, Path.Combine(options.ArchiveDirectory, name), actor, cancellationToken);
    }
}
