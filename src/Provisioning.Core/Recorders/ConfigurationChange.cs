namespace Provisioning.Core.Recorders;

/// <summary>An address of an environment that changed after a revision: what it is now, or null when it is gone.</summary>
public sealed record ConfigurationChange(string Eid, string Address, ConfiguredExtension? Now);
