namespace Provisioning.Core.Model;

/// <summary>The values spec §8 allows for a folder's type and a policy's action, and which actions need a folder.</summary>
public static class StorageNames
{
    public static readonly IReadOnlyList<string> FolderTypes = ["local", "smb", "s3", "azure"];

    public static readonly IReadOnlyList<string> Actions = ["archive", "delete", "export", "transcode", "move"];

    /// <summary>The actions that put media somewhere: a policy with one of them names its folder.</summary>
    public static readonly IReadOnlyList<string> ActionsWithFolder = ["archive", "export", "move"];

    /// <summary>The canonical (lower-case) spelling of <paramref name="value"/> among <paramref name="allowed"/>, or null.</summary>
    public static string? Canonical(string? value, IReadOnlyList<string> allowed) =>
        value is null ? null : allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
}
