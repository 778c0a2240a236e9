namespace Provisioning.Core.Recorders;

/// <summary>A recorder beside the current revision of its configuration: up to date when it applied that one.</summary>
public sealed record RecorderStatus(Recorder Recorder, long CurrentRevision)
{
    public bool UpToDate => Recorder.AppliedRevision == CurrentRevision;
}
