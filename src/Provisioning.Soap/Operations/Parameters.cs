using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Operations;

/// <summary>Reading of the simplest parameter lists.</summary>
internal static class Parameters
{
    public static string? TokenOnly(ElementReader p) => One(p, "token", p => p.Text()).Token;

    /// <summary>Reads the token and one more parameter named <paramref name="name"/>.</summary>
    public static (string? Token, T? Value) One<T>(ElementReader p, string name, Func<ElementReader, T> read)
    {
        string? token = null;
        T? value = default;
        while (p.Next())
        {
            if (p.Name == "token")
            {
                token = p.Text();
            }
            else if (p.Name == name)
            {
                value = read(p);
            }
            else
            {
                p.Skip();
            }
        }
        return (token, value);
    }
}
