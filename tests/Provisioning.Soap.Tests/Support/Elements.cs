using System.Text;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Envelope;

namespace Provisioning.Soap.Tests.Support;

/// <summary>Binds a fragment with the production reader settings, as the endpoint binds an operation's parameters.</summary>
public static class Elements
{
    public static T Read<T>(string xml, Func<ElementReader, T> read, ReaderLimits? limits = null, string path = "extension")
    {
        // The request path's own reader, over the bytes as a UTF-8 request body.
        using var reader = EnvelopeReader.Create(Encoding.UTF8.GetBytes(xml), charset: null);
        reader.MoveToContent();
        return read(new ElementReader(reader, path, limits ?? new ReaderLimits()));
    }

    /// <summary>The single child of <paramref name="xml"/>'s root, read with <paramref name="read"/>.</summary>
    public static T Child<T>(string xml, Func<ElementReader, T> read, ReaderLimits? limits = null) => Read(xml, r =>
    {
        Assert.True(r.Next());
        var value = read(r);
        Assert.False(r.Next());
        return value;
    }, limits);

    /// <summary>The names and texts of the unqualified children, in document order.</summary>
    public static IReadOnlyList<(string Name, string Text)> Texts(string xml, ReaderLimits? limits = null) => Read(xml, r =>
    {
        var seen = new List<(string, string)>();
        while (r.Next())
        {
            seen.Add((r.Name, r.Text()));
        }
        return seen;
    }, limits);

    public static SoapFaultException Fault<T>(string xml, Func<ElementReader, T> read, ReaderLimits? limits = null) =>
        Assert.Throws<SoapFaultException>(() => Child(xml, read, limits));
}
