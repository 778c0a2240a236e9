using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>
/// What createEnvironment's archiveAtAgeHours, deleteAtAgeHours and archivePath create (spec §8): a policy "Default
/// archive" and one "Default delete" acting on calls older than that many hours, and a folder "Default archive" the
/// archive policy uses, at archivePath or under the archive root. A path alone creates the folder alone.
/// </summary>
public static class StorageDefaults
{
    public const string ArchiveName = "Default archive";
    public const string DeleteName = "Default delete";

    /// <summary>The most hours whose minutes still fit olderThanMinutes.</summary>
    public const int MaxHours = int.MaxValue / 60;

    public static Failure? Check(int? hours, string field) =>
        Rules.NotNegative(hours, field) ?? (hours > MaxHours ? Failures.Invalid(field, hours.Value, $"at most {MaxHours} hours are allowed") : null);

    public static DefaultStorage For(Tenant tenant, StorageOptions options)
    {
        var folder = tenant.ArchiveAtAgeHours is null && tenant.ArchivePath is null
            ? null
            : new StorageFolder
            {
                Name = ArchiveName,
                Path = string.IsNullOrEmpty(tenant.ArchivePath) ? options.DefaultArchivePath(tenant.ShortName!) : tenant.ArchivePath,
                Type = StorageNames.FolderTypes[0],
                Enabled = true,
            };
        List<StoragePolicy> policies = [];
        if (tenant.ArchiveAtAgeHours is { } archive)
        {
            policies.Add(Policy(ArchiveName, "archive", archive));
        }
        if (tenant.DeleteAtAgeHours is { } delete)
        {
            policies.Add(Policy(DeleteName, "delete", delete));
        }
        return folder is null && policies.Count == 0 ? DefaultStorage.None : new DefaultStorage(folder, policies);
    }

    private static StoragePolicy Policy(string name, string action, int hours) =>
        StorageRules.WithDefaults(new StoragePolicy { Name = name, Action = action, OlderThanMinutes = hours * 60 });
}
