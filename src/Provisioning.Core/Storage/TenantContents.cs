namespace Provisioning.Core.Storage;

/// <summary>What keeps an environment from being deleted.</summary>
public readonly record struct TenantContents(long Users, long Extensions);
