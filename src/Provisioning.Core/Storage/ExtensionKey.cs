namespace Provisioning.Core.Storage;

/// <summary>Names one extension of an environment: by id when given, else by address (ignoring case).</summary>
public readonly record struct ExtensionKey(long TenantId, long? Id, string? Address);
