using Provisioning.Core.Services;

namespace Provisioning.Hosting;

/// <summary>The schema version in place after migrating, and what bootstrap did.</summary>
public sealed record StoreInitialization(int SchemaVersion, BootstrapResult Bootstrap);
