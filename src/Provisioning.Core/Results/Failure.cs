namespace Provisioning.Core.Results;

/// <summary>An expected, non-OK outcome with the message the caller sees.</summary>
public readonly record struct Failure(Outcome Outcome, string Message);
