namespace Provisioning.Soap.Wire;

/// <summary>
/// JAXB's default property order: names compared ordinally after upper-casing the first letter (property names), so
/// message comes before statusCode and userCount before users.
/// </summary>
public sealed class JaxbOrder : IComparer<string>
{
    public static JaxbOrder Instance { get; } = new();

    public int Compare(string? x, string? y) => string.CompareOrdinal(Property(x), Property(y));

    private static string? Property(string? name) =>
        string.IsNullOrEmpty(name) ? name : string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));
}
