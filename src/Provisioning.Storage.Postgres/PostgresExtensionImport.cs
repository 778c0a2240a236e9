using Provisioning.Core.Audit;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>One batch of a bulk import in one transaction (rolled back for a dry run); see <see cref="ExtensionImport"/>.</summary>
internal sealed class PostgresExtensionImport(PostgresDatabase db) : IExtensionImport
{
    public Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ExtensionWrite> rows, bool dryRun, AuditActor actor, CancellationToken cancellationToken) =>
        db.ImportAsync(c => ExtensionImport.RunAsync(new PostgresSqlSession(c), rows, actor), dryRun, cancellationToken);
}
