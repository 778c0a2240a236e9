namespace Provisioning.Core.Storage;

/// <summary>
/// What a bulk import batch changed in one environment, as its audit entry records it (entity extension, key
/// <see cref="AuditKey"/>): the addresses created and those updated.
/// </summary>
public sealed record ImportedKeys(List<string> Created, List<string> Updated)
{
    public const string AuditKey = "import";
}
