using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// One row of a bulk import, already checked by Core: the extension of environment <see cref="TenantId"/> with address
/// <see cref="Address"/> as it is to be afterwards. <see cref="Media"/> is applied to the stored media (v2 flags keep the
/// directions of modalities left on); <see cref="UserId"/> null leaves the extension without a user, as updateExtension does.
/// </summary>
public sealed record ExtensionImportRow(long TenantId, string Address, RecordingMode Mode, MediaChange Media, long? UserId);
