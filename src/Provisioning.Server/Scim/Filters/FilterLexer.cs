using System.Text.Json;

namespace Provisioning.Server.Scim.Filters;

/// <summary>Splits a filter or PATCH path into tokens; a string is a JSON string (RFC 7644 §3.4.2.2: compValue is JSON).</summary>
internal static class FilterLexer
{
    /// <summary>The tokens, ending with <see cref="FilterTokenKind.End"/>; or the reason the text cannot be split.</summary>
    public static (List<FilterToken> Tokens, string? Error) Split(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
                continue;
            }
            var punctuation = c switch
            {
                '(' => FilterTokenKind.Open,
                ')' => FilterTokenKind.Close,
                '[' => FilterTokenKind.OpenBracket,
                ']' => FilterTokenKind.CloseBracket,
                _ => (FilterTokenKind?)null,
            };
            if (punctuation is { } kind)
            {
                tokens.Add(new FilterToken(kind, c.ToString(), i++));
                continue;
            }
            if (c == '"')
            {
                var (value, end) = ReadString(text, i);
                if (value is null)
                {
                    return (tokens, $"the string starting at position {i + 1} is not a valid JSON string");
                }
                tokens.Add(new FilterToken(FilterTokenKind.String, value, i));
                i = end;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }
            if (i == start)
            {
                return (tokens, $"unexpected character '{c}' at position {i + 1}");
            }
            tokens.Add(new FilterToken(FilterTokenKind.Word, text[start..i], start));
        }
        tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, text.Length));
        return (tokens, null);
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '$' or '+';

    private static (string? Value, int End) ReadString(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length && text[i] != '"')
        {
            i += text[i] == '\\' ? 2 : 1;
        }
        if (i >= text.Length)
        {
            return (null, i);
        }
        try
        {
            using var json = JsonDocument.Parse(text.AsMemory(start, i - start + 1));
            return (json.RootElement.GetString(), i + 1);
        }
        catch (JsonException)
        {
            return (null, i + 1);
        }
    }
}
