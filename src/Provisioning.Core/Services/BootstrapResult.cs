namespace Provisioning.Core.Services;

/// <summary>Whether bootstrap created the reference environment, and the administrator password it generated, if any.</summary>
public sealed record BootstrapResult(bool Created, string? GeneratedPassword);
