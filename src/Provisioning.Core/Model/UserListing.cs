namespace Provisioning.Core.Model;

/// <summary>What listUsers answers: the count alone (justCount), or the users.</summary>
public sealed record UserListing(int? Count, IReadOnlyList<User> Users);
