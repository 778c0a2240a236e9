namespace Provisioning.Core.Services;

/// <summary>Where an environment's default archive folder is when createEnvironment names no archivePath (Provisioning:Storage:ArchiveRoot).</summary>
public sealed record StorageOptions
{
    /// <summary>The root the default paths are under; empty: they are relative ("archive/{shortName}").</summary>
    public string ArchiveRoot { get; init; } = string.Empty;

    /// <summary>The folder path of spec §8: <c>archive/{shortName}</c> under <see cref="ArchiveRoot"/>.</summary>
    public string DefaultArchivePath(string shortName) =>
        ArchiveRoot.Length == 0 ? $"archive/{shortName}" : $"{ArchiveRoot.TrimEnd('/', '\\')}/archive/{shortName}";
}
