using System.Globalization;
using System.Xml;

namespace Provisioning.Soap.Wire;

/// <summary>
/// Writing unqualified children as JAXB does (no namespace given: the default namespace in scope is always the empty
/// one, and naming it explicitly makes XmlWriter push a namespace scope per element): a field without a value is left out, an empty string is written as
/// &lt;name&gt;&lt;/name&gt; (never self-closed), booleans as true/false, dates in UTC with Z.
/// </summary>
public static class WireWriting
{
    public static void Text(this XmlWriter w, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        w.WriteStartElement(name);
        if (value.Length > 0)
        {
            w.WriteString(value);
        }
        w.WriteFullEndElement();
    }

    public static void Bool(this XmlWriter w, string name, bool? value) => w.Text(name, value switch { null => null, true => "true", false => "false" });

    public static void Number(this XmlWriter w, string name, long? value) => w.Text(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>As JAXB prints a date: UTC with Z, milliseconds as three digits when they are not zero.</summary>
    public static void Time(this XmlWriter w, string name, DateTimeOffset? value)
    {
        if (value is not { } time)
        {
            return;
        }
        var utc = time.UtcDateTime;
        var format = utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        w.Text(name, utc.ToString(format, CultureInfo.InvariantCulture));
    }

    public static void Texts(this XmlWriter w, string name, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            w.Text(name, value);
        }
    }

    /// <summary>Writes a complex child: start, content, full end.</summary>
    public static void Element(this XmlWriter w, string name, Action<XmlWriter> content)
    {
        w.WriteStartElement(name);
        content(w);
        w.WriteFullEndElement();
    }
}
