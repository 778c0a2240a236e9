using Provisioning.Core.Audit;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>A bulk import batch as one write of the writer (see <see cref="ExtensionImport"/>), rolled back for a dry run.</summary>
internal sealed class SqliteExtensionImport(SqliteDatabase db) : IExtensionImport
{
    public Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ExtensionWrite> rows, bool dryRun, AuditActor actor, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return db.Writer.ExecuteAsync<IReadOnlyList<ImportResult>>(c => ExtensionImport.Run(c, rows, actor), _ => !dryRun);
    }
}
