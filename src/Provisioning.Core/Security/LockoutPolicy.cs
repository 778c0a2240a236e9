namespace Provisioning.Core.Security;

/// <summary>After <see cref="Threshold"/> failures within <see cref="Window"/>, a login is refused for <see cref="Duration"/>.</summary>
public sealed record LockoutPolicy(int Threshold, TimeSpan Window, TimeSpan Duration);
