using System.Globalization;
using System.Text;
using System.Xml;
using Provisioning.Soap.Envelope;

namespace Provisioning.Soap.Binding;

/// <summary>
/// Walks the unqualified children of one element as JAXB binds them: by name in any order, a child in a namespace
/// counts as absent, unknown children are skipped, an empty number, boolean or enumeration counts as absent. A value
/// that does not parse is a Client fault naming the field (<see cref="SoapFaultException.BadValue"/>).
/// </summary>
public sealed partial class ElementReader
{
    /// <summary>The white space XSD collapses around simple values: space, tab, CR, LF (not other Unicode spaces).</summary>
    private static readonly char[] XmlSpace = [' ', '\t', '\r', '\n'];

    private readonly XmlReader _reader;
    private readonly int _depth;
    private bool _started;
    private bool _done;
    private bool _onChild;

    public ElementReader(XmlReader reader, string path, ReaderLimits limits)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw new InvalidOperationException("The reader must be on an element.");
        }
        _reader = reader;
        Path = path;
        Limits = limits;
        _depth = reader.Depth;
        if (_depth > limits.MaxDepth)
        {
            throw SoapFaultException.Malformed(string.Create(CultureInfo.InvariantCulture, $"the document is nested deeper than {limits.MaxDepth} levels"));
        }
    }

    /// <summary>Where this element is, for messages: "extension", "user.extensions".</summary>
    public string Path { get; }

    public ReaderLimits Limits { get; }

    /// <summary>The local name of the current child.</summary>
    public string Name => _reader.LocalName;

    /// <summary>The current child's path, for messages.</summary>
    public string Field => Path.Length == 0 ? _reader.LocalName : $"{Path}.{_reader.LocalName}";

    /// <summary>Moves to the next unqualified child element; false after the last (the element's end is consumed).</summary>
    public bool Next()
    {
        if (_done)
        {
            return false;
        }
        if (!_started)
        {
            _started = true;
            if (_reader.IsEmptyElement)
            {
                _reader.Read();
                _done = true;
                return false;
            }
            _reader.Read();
        }
        else if (_onChild)
        {
            // The caller neither read nor skipped the child it was shown.
            SkipSubtree();
        }
        _onChild = false;
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.EndElement when _reader.Depth == _depth:
                    _reader.Read();
                    _done = true;
                    return false;
                case XmlNodeType.Element when _reader.Depth > _depth + 1:
                    // Inside a child whose reader stopped early: never hand out a grandchild as a child.
                    SkipSubtree();
                    break;
                case XmlNodeType.Element when _reader.NamespaceURI.Length == 0:
                    Limits.CountElement();
                    _onChild = true;
                    return true;
                case XmlNodeType.Element:
                    Limits.CountElement();
                    SkipSubtree();
                    break;
                case XmlNodeType.None:
                    throw SoapFaultException.Malformed("unexpected end of the document");
                default:
                    _reader.Read();
                    break;
            }
        }
    }

    /// <summary>Skips the current child, its descendants counted against the limits like any others.</summary>
    public void Skip()
    {
        _onChild = false;
        SkipSubtree();
    }

    private void SkipSubtree()
    {
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return;
        }
        var depth = _reader.Depth;
        _reader.Read();
        while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                Limits.CountElement();
                if (_reader.Depth > Limits.MaxDepth)
                {
                    throw SoapFaultException.Malformed(string.Create(CultureInfo.InvariantCulture, $"the document is nested deeper than {Limits.MaxDepth} levels"));
                }
            }
            if (!_reader.Read())
            {
                throw SoapFaultException.Malformed("unexpected end of the document");
            }
        }
        _reader.Read();
    }

    /// <summary>A reader of the current child's own children.</summary>
    public ElementReader Child()
    {
        _onChild = false;
        return new ElementReader(_reader, Field, Limits);
    }

    /// <summary>The current child's text; an empty element is the empty string.</summary>
    public string Text()
    {
        var field = Field;
        _onChild = false;
        if (_reader.IsEmptyElement)
        {
            _reader.Read();
            return string.Empty;
        }
        var depth = _reader.Depth;
        _reader.Read();
        string? single = null;
        StringBuilder? many = null;
        while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (single is null)
                    {
                        single = _reader.Value;
                    }
                    else
                    {
                        many ??= new StringBuilder(single);
                        many.Append(_reader.Value);
                    }
                    break;
                case XmlNodeType.Element:
                    throw new SoapFaultException(FaultCode.Client, $"Cannot read {field}: it is a simple value and cannot contain the element <{_reader.Name}>");
                case XmlNodeType.None:
                    throw SoapFaultException.Malformed("unexpected end of the document");
            }
            _reader.Read();
        }
        _reader.Read();
        var text = many?.ToString() ?? single ?? string.Empty;
        if (text.Length > Limits.MaxStringLength)
        {
            throw new SoapFaultException(FaultCode.Client, string.Create(CultureInfo.InvariantCulture, $"Cannot read {field}: the value has {text.Length} characters, more than {Limits.MaxStringLength}"));
        }
        return text;
    }

    public bool? Bool()
    {
        var field = Field;
        var text = Text().Trim(XmlSpace);
        return text switch
        {
            "" => null,
            "1" or "true" => true,
            "0" or "false" => false,
            _ => throw SoapFaultException.BadValue(field, text, "a boolean (true, false, 1 or 0)"),
        };
    }

    public int? Number()
    {
        var field = Field;
        var text = Text().Trim(XmlSpace);
        if (text.Length == 0)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw SoapFaultException.BadValue(field, text, "an integer (xs:int)");
    }

    public long? Identifier()
    {
        var field = Field;
        var text = Text().Trim(XmlSpace);
        if (text.Length == 0)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw SoapFaultException.BadValue(field, text, "an integer");
    }

    public DateTimeOffset? Timestamp()
    {
        var field = Field;
        var text = Text().Trim(XmlSpace);
        if (text.Length == 0)
        {
            return null;
        }
        if (!XsDateTime().IsMatch(text))
        {
            throw SoapFaultException.BadValue(field, text, "a date and time (xs:dateTime, e.g. 2024-01-15T08:30:00Z)");
        }
        try
        {
            var parsed = XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind);
            // xs:dateTime without a zone is taken as UTC; stores keep milliseconds.
            var utc = parsed.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc) : parsed.ToUniversalTime();
            return new DateTimeOffset(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond)), TimeSpan.Zero);
        }
        catch (FormatException)
        {
            throw SoapFaultException.BadValue(field, text, "a date and time (xs:dateTime, e.g. 2024-01-15T08:30:00Z)");
        }
    }

    /// <summary>An enumeration value by its wire name, ignoring case.</summary>
    public T? Enum<T>(IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        var field = Field;
        var text = Text().Trim(XmlSpace);
        if (text.Length == 0)
        {
            return null;
        }
        return names.TryGetValue(text, out var value)
            ? value
            : throw SoapFaultException.BadValue(field, text, "one of " + string.Join(", ", names.Keys));
    }

    /// <summary>A full xs:dateTime: date, time, optional fraction and zone. XmlConvert alone also takes times and dates.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial System.Text.RegularExpressions.Regex XsDateTime();
}
