using Provisioning.Core.Services;

namespace Provisioning.Hosting;

/// <summary>The schema version in place after migrating, what bootstrap did, and where a generated password was written.</summary>
public sealed record StoreInitialization(int SchemaVersion, BootstrapResult Bootstrap, string? PasswordFile);
