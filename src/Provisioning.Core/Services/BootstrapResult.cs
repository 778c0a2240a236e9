namespace Provisioning.Core.Services;

/// <summary>Whether bootstrap created the reference environment and its administrator.</summary>
public sealed record BootstrapResult(bool Created);
