namespace Provisioning.Server.Scim.Filters;

/// <summary>A token of a filter or path: a word (attribute path, operator, keyword, number), a JSON string, or punctuation.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position);
