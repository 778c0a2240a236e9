using Provisioning.Core.Storage;

namespace Provisioning.Core.Operator;

/// <summary>The schema version in place and the one this build migrates to, and what each environment holds.</summary>
public sealed record StoreStatus(int SchemaVersion, int LatestSchemaVersion, IReadOnlyList<TenantCounts> Environments);
