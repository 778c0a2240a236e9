using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>A text criterion of a filter: equal, or a substring, both ignoring case (compared on folded keys).</summary>
public sealed record TextMatch(string Value, bool Exact)
{
    public string Key => Keys.Fold(Value);

    public static TextMatch? From(string? value, bool? exact) =>
        string.IsNullOrEmpty(value) ? null : new TextMatch(value, exact ?? false);
}
