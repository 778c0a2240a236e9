namespace Provisioning.Core.Recorders;

/// <summary>What the audit log records of a secret rotation: that it happened, never the secret or its hash.</summary>
public sealed record SecretRotation(string Name, bool SecretRotated);
