namespace Provisioning.Core.Resilience;

/// <summary>An outage that is over: how long the dependency was away and how many attempts failed meanwhile.</summary>
public sealed record OutageEnded(TimeSpan Duration, int Failures);
