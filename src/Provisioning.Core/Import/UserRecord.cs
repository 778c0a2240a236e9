using Provisioning.Core.Model;

namespace Provisioning.Core.Import;

/// <summary>
/// One user as a file holds it, with its extensions: the wire field names as columns, values as text, roles and
/// extension addresses as lists separated by '|'. Import reads these; export writes them.
/// </summary>
public sealed record UserRecord(
    long Line,
    string? Eid,
    string? LoginName,
    string? DisplayName,
    string? Email,
    string? ExternalId,
    string? AgentId,
    string? Language,
    string? TimeZone,
    string? Locked,
    string? Roles,
    string? Extensions)
{
    public static IReadOnlyList<string> Columns { get; } =
        ["eid", "loginName", "displayName", "email", "externalId", "agentId", "language", "timeZone", "locked", "roles", "extensions"];

    public static IReadOnlyList<string> RequiredColumns { get; } = ["eid", "loginName"];

    public static UserRecord From(User user) => new(
        0,
        user.Tenant.Eid,
        user.LoginName,
        user.DisplayName,
        user.Email,
        user.ExternalId,
        user.AgentId,
        user.Language,
        user.TimeZone,
        user.Locked is { } locked ? WireText.Of(locked) : null,
        WireText.List(user.Roles),
        WireText.List(user.Extensions.Select(e => e.Address!)));

    public string?[] Fields() => [Eid, LoginName, DisplayName, Email, ExternalId, AgentId, Language, TimeZone, Locked, Roles, Extensions];

    public static UserRecord FromFields(long line, IReadOnlyList<string?> f) => new(line, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]);

    /// <summary>An empty text is no value, as an omitted element is on the wire.</summary>
    internal static string? Value(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
