namespace Provisioning.Core.Storage;

/// <summary>How much one environment holds, for the operator's status.</summary>
public sealed record TenantCounts(long TenantId, string Eid, string ShortName, long Users, long Groups, long Extensions, long StorageFolders, long StoragePolicies);
