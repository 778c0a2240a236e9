namespace Provisioning.Core.Security;

/// <summary>The role names that carry rights in this API; any other role is data only.</summary>
public static class Roles
{
    /// <summary>May act on every environment.</summary>
    public const string SystemAdministrator = "System Administrator";

    /// <summary>May act on its own environment only.</summary>
    public const string Administrator = "Administrator";

    public static bool Holds(IEnumerable<string> roles, string role) =>
        roles.Any(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
