namespace Provisioning.Hosting;

public sealed class RecorderSettings
{
    /// <summary>How long applyExtensionConfiguration gives a push, or a recorder without a push URL to report the revision applied.</summary>
    public TimeSpan PushTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
