using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Core.Services;

/// <summary>The field checks and defaults of storage folders and policies (spec §8).</summary>
public static class StorageRules
{
    public const string Folder = "storageFolder";
    public const string Policy = "storagePolicy";

    /// <summary>The folder as it is stored: type in lower case (local when omitted), enabled unless said otherwise; or the failure naming the field.</summary>
    public static (StorageFolder? Folder, Failure? Invalid) CheckFolder(StorageFolder input)
    {
        var type = input.Type is null ? StorageNames.FolderTypes[0] : StorageNames.Canonical(input.Type, StorageNames.FolderTypes);
        var invalid = Rules.RequiredText(input.Name, $"{Folder}.name", ApiLimits.StorageNameLength)
            ?? Rules.RequiredText(input.Path, $"{Folder}.path", ApiLimits.UrlLength)
            ?? (type is null ? (Failure?)Failures.Invalid($"{Folder}.type", input.Type!, "one of " + string.Join(", ", StorageNames.FolderTypes)) : null)
            ?? Rules.MaxLength(input.Description, $"{Folder}.description", ApiLimits.TextLength);
        return invalid is null ? (input with { Type = type, Enabled = input.Enabled ?? true }, null) : (null, invalid);
    }

    /// <summary>
    /// The policy as it is stored: action in lower case, flags false when omitted but enabled true; or the failure naming
    /// the field. The call filter is only measured: it is the vendor's SQL and never runs here.
    /// </summary>
    public static (StoragePolicy? Policy, Failure? Invalid) CheckPolicy(StoragePolicy input)
    {
        var action = StorageNames.Canonical(input.Action, StorageNames.Actions);
        var invalid = Rules.RequiredText(input.Name, $"{Policy}.name", ApiLimits.StorageNameLength)
            ?? Rules.Required(input.Action, $"{Policy}.action")
            ?? (action is null ? (Failure?)Failures.Invalid($"{Policy}.action", input.Action!, "one of " + string.Join(", ", StorageNames.Actions)) : null)
            ?? Rules.MaxLength(input.CallFilter, $"{Policy}.callFilter", ApiLimits.CallFilterLength)
            ?? Rules.MaxLength(input.EngineId, $"{Policy}.engineId", ApiLimits.StorageNameLength)
            ?? Rules.MaxLength(input.Format, $"{Policy}.format", ApiLimits.StorageNameLength)
            ?? Rules.MaxLength(input.LanguageId, $"{Policy}.languageId", ApiLimits.StorageNameLength)
            ?? Rules.NotNegative(input.OlderThanMinutes, $"{Policy}.olderThanMinutes")
            ?? Rules.NotNegative(input.OlderThanYears, $"{Policy}.olderThanYears")
            ?? Rules.NotNegative(input.Priority, $"{Policy}.priority")
            ?? Rules.Positive(input.FolderId, $"{Policy}.storageFolder.id")
            ?? (input.FolderId is null && StorageNames.ActionsWithFolder.Contains(action!)
                ? Failures.Illegal($"{Policy}.storageFolder.id is mandatory for the action {action}")
                : null);
        return invalid is null ? (WithDefaults(input with { Action = action }), null) : (null, invalid);
    }

    /// <summary>The flags a policy is stored with when they are omitted: all false but enabled.</summary>
    public static StoragePolicy WithDefaults(StoragePolicy p) => p with
    {
        CustomSql = p.CustomSql ?? false,
        Decrypt = p.Decrypt ?? false,
        Enabled = p.Enabled ?? true,
        FirstTranscode = p.FirstTranscode ?? false,
        KeepCdr = p.KeepCdr ?? false,
        MoveToRecycleBin = p.MoveToRecycleBin ?? false,
        OnlyForArchived = p.OnlyForArchived ?? false,
        Folder = null,
    };
}
