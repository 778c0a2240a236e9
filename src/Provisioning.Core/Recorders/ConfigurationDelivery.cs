namespace Provisioning.Core.Recorders;

/// <summary>What the audit log records of one recorder in applyExtensionConfiguration: the revision, whether it arrived, and what happened.</summary>
public sealed record ConfigurationDelivery(string Name, long? Revision, bool Success, string Message);
