namespace Provisioning.Core.Scim;

/// <summary>A SCIM token with the bearer value just issued: shown once, never stored (only its hash is).</summary>
public sealed record IssuedScimToken(ScimToken Token, string Bearer);
