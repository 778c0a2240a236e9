namespace Provisioning.Core.Recorders;

/// <summary>A recorder applyExtensionConfiguration is to reach, as <c>theseServersOnly</c> names it: its location (name) in an environment.</summary>
public sealed record ApplyTarget(string? Eid, string? Location);
