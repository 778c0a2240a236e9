using Provisioning.Core.Model;

namespace Provisioning.Core.Recorders;

/// <summary>What a recorder is told of one extension: where, how and what to record, and whose it is.</summary>
public sealed record ConfiguredExtension(string Eid, string Address, RecordingMode Mode, RecordedMedia Media, string? LoginName, string? DisplayName);
