namespace Provisioning.Core.Recorders;

/// <summary>
/// What became of one recorder in applyExtensionConfiguration (spec §7, <c>ApplyExtensionConfigurationResponseServer</c>):
/// the environment and location it was named by, what happened in words, the revision concerned, and whether the
/// recorder runs that revision now.
/// </summary>
public sealed record ApplyStatus(string? Eid, string? Location, string Message, long? Revision, bool Success);
