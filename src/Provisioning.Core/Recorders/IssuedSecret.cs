namespace Provisioning.Core.Recorders;

/// <summary>A recorder with the secret just issued to it: shown once, never stored (only its hash is).</summary>
public sealed record IssuedSecret(Recorder Recorder, string Secret);
