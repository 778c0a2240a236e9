using System.Text.Json.Serialization;

namespace Provisioning.Core.Recorders;

/// <summary>
/// A recording server as registered (spec §7): its name (the <c>location</c> of applyExtensionConfiguration), the
/// environments it records (eid 0000 stands for all of them), where its configuration may be pushed, and what it last
/// reported. Its secret is not part of it: only its hash is stored, and only the store reads it.
/// </summary>
public sealed record Recorder
{
    /// <summary>The eid whose recorder records every environment.</summary>
    public const string EveryEnvironment = "0000";

    public long Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Environments { get; init; }

    public string? PushUrl { get; init; }

    public long? AppliedRevision { get; init; }

    public DateTimeOffset? LastContact { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether it records every environment.</summary>
    [JsonIgnore]
    public bool RecordsAll => Environments.Any(e => string.Equals(e, EveryEnvironment, StringComparison.OrdinalIgnoreCase));

    /// <summary>The folded eids whose extensions it records; null for all.</summary>
    [JsonIgnore]
    public IReadOnlyList<string>? EnvironmentKeys => RecordsAll ? null : Environments.Select(Model.Keys.Fold).ToArray();
}
