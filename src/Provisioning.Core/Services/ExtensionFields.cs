namespace Provisioning.Core.Services;

/// <summary>
/// The wire names that messages use for an extension's fields: the address is "extension" in v2 and "extensionId"
/// in v3, so each front says which it speaks.
/// </summary>
public sealed record ExtensionFields(string Root, string Address)
{
    public static ExtensionFields V2 { get; } = new("extension", "extension.extension");

    public static ExtensionFields V3 { get; } = new("extension", "extension.extensionId");
}
