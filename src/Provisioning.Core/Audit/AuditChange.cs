namespace Provisioning.Core.Audit;

/// <summary>
/// One change a store made: the kind of object, its environment (eid), its natural key (eid, login name, group name or
/// extension address), its value before and after (null when created, resp. deleted).
/// </summary>
public sealed record AuditChange(string Entity, string Eid, string Key, object? Before, object? After)
{
    public const string Environment = "environment";
    public const string User = "user";
    public const string Group = "group";
    public const string Extension = "extension";
    public const string Recorder = "recorder";
    public const string StorageFolder = "storageFolder";
    public const string StoragePolicy = "storagePolicy";
    public const string ScimToken = "scimToken";
}
