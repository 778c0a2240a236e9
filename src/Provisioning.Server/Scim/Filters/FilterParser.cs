using System.Globalization;

namespace Provisioning.Server.Scim.Filters;

/// <summary>
/// A recursive-descent parser of SCIM filters (RFC 7644 §3.4.2.2) and PATCH paths (§3.5.2). Precedence: not and
/// parentheses, then and, then or; operators and keywords ignore case. Bounded: at most <see cref="MaxLength"/>
/// characters, <see cref="MaxTerms"/> comparisons and <see cref="MaxDepth"/> levels of nesting, so a filter cannot make
/// the server work without bound. A problem is answered as a message naming the position or the attribute.
/// </summary>
internal sealed class FilterParser
{
    public const int MaxLength = 4096;
    public const int MaxTerms = 64;
    public const int MaxDepth = 16;

    private static readonly HashSet<string> Operators = new(StringComparer.OrdinalIgnoreCase) { "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le" };

    private readonly List<FilterToken> _tokens;
    private int _next;
    private int _terms;
    private string? _error;

    private FilterParser(List<FilterToken> tokens) => _tokens = tokens;

    public static (FilterNode? Filter, string? Error) Parse(string text)
    {
        if (Start(text) is not { } parser)
        {
            return (null, Problem(text));
        }
        var filter = parser.ParseOr(0, inBrackets: false);
        if (filter is not null && parser.Peek.Kind != FilterTokenKind.End)
        {
            parser.Fail($"unexpected '{parser.Peek.Text}' at position {parser.Peek.Position + 1}");
        }
        return parser._error is null ? (filter, null) : (null, parser._error);
    }

    /// <summary>A PATCH path: attrPath, attrPath[valFilter] or attrPath[valFilter].subAttr.</summary>
    public static (PatchPath? Path, string? Error) ParsePath(string text)
    {
        if (Start(text) is not { } parser)
        {
            return (null, Problem(text));
        }
        var first = parser.Take();
        if (first.Kind != FilterTokenKind.Word || AttributePath.Parse(first.Text) is not { } path)
        {
            return (null, $"'{text}' is not an attribute path");
        }
        FilterNode? filter = null;
        string? sub = null;
        if (parser.Peek.Kind == FilterTokenKind.OpenBracket)
        {
            parser.Take();
            filter = parser.ParseOr(1, inBrackets: true);
            if (filter is not null && parser.Expect(FilterTokenKind.CloseBracket, "]") && parser.Peek is { Kind: FilterTokenKind.Word, Text: ['.', .. var rest] } && AttributePath.IsName(rest))
            {
                parser.Take();
                sub = rest;
            }
        }
        if (parser._error is null && parser.Peek.Kind != FilterTokenKind.End)
        {
            parser.Fail($"unexpected '{parser.Peek.Text}' at position {parser.Peek.Position + 1}");
        }
        return parser._error is null ? (new PatchPath(path, filter, sub), null) : (null, parser._error);
    }

    private static FilterParser? Start(string text)
    {
        if (text.Length > MaxLength)
        {
            return null;
        }
        var (tokens, error) = FilterLexer.Split(text);
        return error is null ? new FilterParser(tokens) : null;
    }

    private static string Problem(string text) =>
        text.Length > MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"longer than {MaxLength} characters")
            : FilterLexer.Split(text).Error!;

    private FilterToken Peek => _tokens[_next];

    private FilterToken Take() => _tokens[_next < _tokens.Count - 1 ? _next++ : _next];

    private bool IsKeyword(string keyword) => Peek.Kind == FilterTokenKind.Word && string.Equals(Peek.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private FilterNode? ParseOr(int depth, bool inBrackets)
    {
        var left = ParseAnd(depth, inBrackets);
        while (left is not null && IsKeyword("or"))
        {
            Take();
            left = ParseAnd(depth, inBrackets) is { } right ? new FilterNode.Or(left, right) : null;
        }
        return left;
    }

    private FilterNode? ParseAnd(int depth, bool inBrackets)
    {
        var left = ParseUnary(depth, inBrackets);
        while (left is not null && IsKeyword("and"))
        {
            Take();
            left = ParseUnary(depth, inBrackets) is { } right ? new FilterNode.And(left, right) : null;
        }
        return left;
    }

    private FilterNode? ParseUnary(int depth, bool inBrackets)
    {
        if (depth > MaxDepth)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"nested deeper than {MaxDepth} levels"));
        }
        if (IsKeyword("not") && _tokens[_next + 1].Kind == FilterTokenKind.Open)
        {
            Take();
            return ParseUnary(depth + 1, inBrackets) is { } inner ? new FilterNode.Not(inner) : null;
        }
        if (Peek.Kind == FilterTokenKind.Open)
        {
            Take();
            var inner = ParseOr(depth + 1, inBrackets);
            return inner is not null && Expect(FilterTokenKind.Close, ")") ? inner : null;
        }
        return ParseAttribute(depth, inBrackets);
    }

    private FilterNode? ParseAttribute(int depth, bool inBrackets)
    {
        var token = Take();
        if (token.Kind != FilterTokenKind.Word || AttributePath.Parse(token.Text) is not { } path)
        {
            return Fail(token.Kind == FilterTokenKind.End ? "the filter ends where an attribute was expected" : $"'{token.Text}' at position {token.Position + 1} is not an attribute path");
        }
        if (Peek.Kind == FilterTokenKind.OpenBracket)
        {
            return inBrackets ? Fail($"'{token.Text}[' at position {token.Position + 1}: a value filter cannot hold another") : ParseValuePath(path, depth);
        }
        if (++_terms > MaxTerms)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"more than {MaxTerms} comparisons"));
        }
        var op = Take();
        if (op.Kind == FilterTokenKind.Word && string.Equals(op.Text, "pr", StringComparison.OrdinalIgnoreCase))
        {
            return new FilterNode.Compare(path, "pr", null);
        }
        if (op.Kind != FilterTokenKind.Word || !Operators.Contains(op.Text))
        {
            return Fail($"'{path}' is followed by '{op.Text}', not an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)");
        }
        return ParseValue() is var (ok, value) && ok ? new FilterNode.Compare(path, op.Text.ToLowerInvariant(), value) : null;
    }

    /// <summary>attr[filter], and attr[filter].sub op value read as attr[filter and sub op value].</summary>
    private FilterNode? ParseValuePath(AttributePath path, int depth)
    {
        Take();
        var inner = ParseOr(depth + 1, inBrackets: true);
        if (inner is null || !Expect(FilterTokenKind.CloseBracket, "]"))
        {
            return null;
        }
        if (Peek is { Kind: FilterTokenKind.Word, Text: ['.', .. var sub] })
        {
            Take();
            if (!AttributePath.IsName(sub))
            {
                return Fail($"'.{sub}' after '{path}[…]' is not a sub-attribute");
            }
            _next--;
            _tokens[_next] = _tokens[_next] with { Text = sub };
            return ParseAttribute(depth + 1, inBrackets: true) is { } compare ? new FilterNode.ValuePath(path, new FilterNode.And(inner, compare)) : null;
        }
        return new FilterNode.ValuePath(path, inner);
    }

    private (bool Ok, object? Value) ParseValue()
    {
        var token = Take();
        if (token.Kind == FilterTokenKind.String)
        {
            return (true, token.Text);
        }
        if (token.Kind == FilterTokenKind.Word)
        {
            switch (token.Text.ToLowerInvariant())
            {
                case "true":
                    return (true, true);
                case "false":
                    return (true, false);
                case "null":
                    return (true, null);
            }
            if (decimal.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return (true, number);
            }
        }
        Fail(token.Kind == FilterTokenKind.End
            ? "the filter ends where a value was expected"
            : $"'{token.Text}' at position {token.Position + 1} is not a value (a \"string\", number, true, false or null)");
        return (false, null);
    }

    private bool Expect(FilterTokenKind kind, string text)
    {
        if (Peek.Kind == kind)
        {
            Take();
            return true;
        }
        Fail(Peek.Kind == FilterTokenKind.End ? $"'{text}' is missing at the end" : $"'{text}' expected at position {Peek.Position + 1}, found '{Peek.Text}'");
        return false;
    }

    private FilterNode? Fail(string message)
    {
        _error ??= message;
        return null;
    }
}
