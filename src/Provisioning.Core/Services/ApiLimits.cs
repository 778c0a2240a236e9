namespace Provisioning.Core.Services;

/// <summary>Limits of the API: the largest list answer (Provisioning:MaxListResults) and the field lengths of spec §5.</summary>
public sealed record ApiLimits
{
    public int MaxListResults { get; init; } = 10_000;

    public const int ExtensionLength = 255;
    public const int ShortNameLength = 64;
    public const int LoginNameLength = 64;
    public const int UserDisplayNameLength = 64;
    public const int EmailLength = 128;
    public const int LanguageLength = 32;
    public const int TimeZoneLength = 100;
    public const int GroupNameLength = 64;
    public const int RoleLength = 64;
    public const int StorageNameLength = 64;

    /// <summary>A storage policy's call filter: the vendor's SQL fragment, kept as text.</summary>
    public const int CallFilterLength = 4000;

    /// <summary>Any other text field; the spec sets no length, and unbounded text is an attack surface.</summary>
    public const int TextLength = 255;
    public const int UrlLength = 2048;
}
