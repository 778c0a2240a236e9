namespace Provisioning.Core.Recorders;

/// <summary>One recorder's outcome of applyExtensionConfiguration, to audit; a push it acknowledged also marks the revision applied.</summary>
public sealed record RecorderDelivery(Recorder Recorder, ConfigurationDelivery Delivery, bool MarkApplied);
