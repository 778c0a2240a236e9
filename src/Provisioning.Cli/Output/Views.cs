using Provisioning.Core.Audit;
using Provisioning.Core.Import;
using Provisioning.Core.Model;
using Provisioning.Core.Operator;
using Provisioning.Core.Storage;

namespace Provisioning.Cli.Output;

/// <summary>What each object shows, under its wire field names, for tables and JSON alike.</summary>
internal static class Views
{
    public static View Environment(Tenant t) => new()
    {
        ["id"] = t.Id,
        ["eid"] = t.Eid,
        ["shortName"] = t.ShortName,
        ["displayName"] = t.DisplayName,
        ["helpdeskURL"] = t.HelpdeskUrl,
        ["inactive"] = t.Inactive,
        ["ondemandMaxCallAgeHoursInBuffer"] = t.OndemandMaxCallAgeHoursInBuffer,
        ["ondemandMaxRowsInBufferPerUser"] = t.OndemandMaxRowsInBufferPerUser,
        ["partitions"] = t.Partitions,
        ["archiveAtAgeHours"] = t.ArchiveAtAgeHours,
        ["deleteAtAgeHours"] = t.DeleteAtAgeHours,
        ["archivePath"] = t.ArchivePath,
    };

    public static View User(User u) => new()
    {
        ["id"] = u.Id,
        ["eid"] = u.Tenant.Eid,
        ["loginName"] = u.LoginName,
        ["displayName"] = u.DisplayName,
        ["email"] = u.Email,
        ["externalId"] = u.ExternalId,
        ["agentId"] = u.AgentId,
        ["language"] = u.Language,
        ["timeZone"] = u.TimeZone,
        ["locked"] = u.Locked,
        ["validFrom"] = u.ValidFrom,
        ["validTo"] = u.ValidTo,
        ["roles"] = u.Roles,
        ["extensions"] = u.Extensions.Select(e => e.Address).ToArray(),
        ["groups"] = u.Memberships.Select(m => m.Group?.Name).ToArray(),
    };

    public static View Extension(Extension e) => new()
    {
        ["id"] = e.Id,
        ["eid"] = e.Tenant.Eid,
        ["extension"] = e.Address,
        ["recordingMode"] = RecordingModeNames.Of(e.Mode),
        ["voice"] = e.Media.Has(Modality.Voice),
        ["im"] = e.Media.Has(Modality.Im),
        ["video"] = e.Media.Has(Modality.Video),
        ["screenCaptureEnabled"] = e.Media.Has(Modality.Screen),
        ["userLoginName"] = e.User?.LoginName,
    };

    public static View Token(TokenListing t) => new()
    {
        ["id"] = t.Session.TokenId,
        ["eid"] = t.Session.Account.Eid,
        ["loginName"] = t.Session.Account.LoginName,
        ["state"] = t.State.ToString().ToLowerInvariant(),
        ["issuedAt"] = t.Session.IssuedAt,
        ["lastUsedAt"] = t.Session.LastUsedAt,
        ["expiresAt"] = t.Session.ExpiresAt,
        ["releasedAt"] = t.Session.ReleasedAt,
    };

    public static View Counts(TenantCounts c) => new()
    {
        ["eid"] = c.Eid,
        ["shortName"] = c.ShortName,
        ["users"] = c.Users,
        ["groups"] = c.Groups,
        ["extensions"] = c.Extensions,
        ["storageFolders"] = c.StorageFolders,
        ["storagePolicies"] = c.StoragePolicies,
    };

    public static View Folder(StorageFolder f) => new()
    {
        ["id"] = f.Id,
        ["eid"] = f.Tenant.Eid,
        ["name"] = f.Name,
        ["path"] = f.Path,
        ["type"] = f.Type,
        ["enabled"] = f.Enabled,
        ["description"] = f.Description,
    };

    public static View Policy(StoragePolicy p) => new()
    {
        ["id"] = p.Id,
        ["eid"] = p.Tenant.Eid,
        ["name"] = p.Name,
        ["action"] = p.Action,
        ["storageFolder"] = p.Folder?.Name,
        ["storageFolderId"] = p.FolderId,
        ["olderThanMinutes"] = p.OlderThanMinutes,
        ["olderThanYears"] = p.OlderThanYears,
        ["priority"] = p.Priority,
        ["enabled"] = p.Enabled,
        ["onlyForArchived"] = p.OnlyForArchived,
        ["keepCdr"] = p.KeepCdr,
        ["moveToRecycleBin"] = p.MoveToRecycleBin,
        ["format"] = p.Format,
        ["callFilter"] = p.CallFilter,
    };

    public static View Audit(AuditEntry a) => new()
    {
        ["id"] = a.Id,
        ["at"] = a.At,
        ["eid"] = a.Eid,
        ["login"] = a.Login,
        ["tokenId"] = a.TokenId,
        ["operation"] = a.Operation,
        ["entity"] = a.Entity,
        ["key"] = a.Key,
        ["before"] = a.Before,
        ["after"] = a.After,
    };

    public static View Row(RowReport r) => new() { ["line"] = r.Line, ["outcome"] = r.Outcome.ToString().ToLowerInvariant(), ["reason"] = r.Reason };
}
