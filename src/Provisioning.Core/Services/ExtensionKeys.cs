namespace Provisioning.Core.Services;

/// <summary>How a store names, in a Duplicate, an extension embedded in a user that already exists.</summary>
public static class ExtensionKeys
{
    private const string Prefix = "extension:";

    public static string Duplicate(string address) => Prefix + address;

    public static bool TryParse(string? key, out string address)
    {
        address = key is not null && key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : string.Empty;
        return address.Length > 0;
    }
}
