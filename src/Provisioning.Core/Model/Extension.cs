using System.Text.Json.Serialization;

namespace Provisioning.Core.Model;

/// <summary>
/// A recorded address (phone number, SIP address, platform id) of an environment, how it is recorded and whose it is.
/// On input <see cref="User"/> carries only the id of the user to link; on output it is that user without its extensions.
/// </summary>
public sealed record Extension
{
    public long? Id { get; init; }

    /// <summary>The environment's internal id; set on output and inside the services, never read from the wire.</summary>
    public long TenantId { get; init; }

    public TenantRef Tenant { get; init; }

    public string? Address { get; init; }

    public RecordingMode Mode { get; init; } = RecordingMode.Full;

    public RecordedMedia Media { get; init; } = RecordedMedia.VoiceOnly;

    public User? User { get; init; }

    /// <summary>What kind of number this is to the user (SCIM's phoneNumbers type: work, mobile, …); null when no one said.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PhoneType { get; init; }

    /// <summary>
    /// Input only, as a front reads a request: what it said about the media. Core passes it on in the write command
    /// (<see cref="Storage.ExtensionWrite"/>), which applies it to the stored value inside the write transaction, so a v2
    /// flag keeps the directions that v3 chose, without a race. Never stored, never read from a store.
    /// </summary>
    [JsonIgnore]
    public MediaChange? MediaChange { get; init; }
}
