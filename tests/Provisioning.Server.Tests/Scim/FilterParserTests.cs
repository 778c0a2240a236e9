using System.Text.Json.Nodes;
using Provisioning.Server.Scim.Filters;

namespace Provisioning.Server.Tests.Scim;

/// <summary>The filter parser on RFC 7644 §3.4.2.2's examples, its precedence and its bounds; evaluation on a resource.</summary>
public sealed class FilterParserTests
{
    [Theory]
    [InlineData("userName Eq \"john\"", "userName eq \"john\"")]
    [InlineData("name.familyName co \"O'Malley\"", "name.familyName co \"O'Malley\"")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"", "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"")]
    [InlineData("title pr", "title pr")]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"", "meta.lastModified gt \"2011-05-13T04:42:34Z\"")]
    [InlineData("title pr and userType eq \"Employee\"", "(title pr and userType eq \"Employee\")")]
    [InlineData("title pr or userType eq \"Intern\"", "(title pr or userType eq \"Intern\")")]
    [InlineData("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"")]
    [InlineData("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")", "(userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\"))")]
    [InlineData("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")", "(userType ne \"Employee\" and not ((emails co \"example.com\" or emails.value co \"example.org\")))")]
    [InlineData("userType eq \"Employee\" and (emails.type eq \"work\")", "(userType eq \"Employee\" and emails.type eq \"work\")")]
    [InlineData("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]", "(userType eq \"Employee\" and emails[(type eq \"work\" and value co \"@example.com\")])")]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]", "(emails[(type eq \"work\" and value co \"@example.com\")] or ims[(type eq \"xmpp\" and value co \"@foo.com\")])")]
    [InlineData("a eq 1 or b eq 2 and c eq true", "(a eq 1 or (b eq 2 and c eq true))")]
    [InlineData("emails[type eq \"work\"].value eq \"x@y\"", "emails[(type eq \"work\" and value eq \"x@y\")]")]
    public void Parse_RfcExamples_ParsedWithPrecedence(string filter, string expected)
    {
        var (parsed, error) = FilterParser.Parse(filter);

        Assert.Null(error);
        Assert.Equal(expected, FilterEvaluator.Describe(parsed!));
    }

    [Theory]
    [InlineData("userName eq", "ends where a value")]
    [InlineData("userName eq john", "'john' at position 13 is not a value")]
    [InlineData("userName is \"a\"", "not an operator")]
    [InlineData("(userName eq \"a\"", "')' is missing")]
    [InlineData("userName eq \"a\" extra", "unexpected 'extra'")]
    [InlineData("emails[value[x eq 1]]", "cannot hold another")]
    [InlineData("userName eq \"unterminated", "not a valid JSON string")]
    [InlineData("userName eq \"a\" & b", "unexpected character '&'")]
    public void Parse_Malformed_ErrorSaysWhere(string filter, string expected)
    {
        var (parsed, error) = FilterParser.Parse(filter);

        Assert.Null(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverTheBounds_Refused()
    {
        var terms = string.Join(" or ", Enumerable.Range(0, FilterParser.MaxTerms + 1).Select(i => $"a eq {i}"));
        var nested = new string('(', FilterParser.MaxDepth + 1) + "a eq 1" + new string(')', FilterParser.MaxDepth + 1);
        var longer = "a eq \"" + new string('x', FilterParser.MaxLength) + "\"";

        Assert.Contains("comparisons", FilterParser.Parse(terms).Error, StringComparison.Ordinal);
        Assert.Contains("nested deeper", FilterParser.Parse(nested).Error, StringComparison.Ordinal);
        Assert.Contains("longer than", FilterParser.Parse(longer).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("userName eq \"BJENSEN\"", true)]
    [InlineData("externalId eq \"ABC\"", false)]
    [InlineData("emails co \"@EXAMPLE.com\"", true)]
    [InlineData("emails[type eq \"home\"]", false)]
    [InlineData("emails[type eq \"work\"].value ew \".com\"", true)]
    [InlineData("not (active eq true)", false)]
    [InlineData("nickName pr", false)]
    [InlineData("phoneNumbers ne \"+1\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber ge \"700\"", true)]
    [InlineData("userName gt \"c\" or displayName lt \"A\"", false)]
    public void Matches_OnAResource_AsTheRfcDescribes(string filter, bool expected)
    {
        var resource = JsonNode.Parse("""
            {"id":"7","externalId":"abc","userName":"bjensen","displayName":"Babs","active":true,
             "emails":[{"value":"bjensen@example.com","type":"work"}],"phoneNumbers":[{"value":"+49","type":"work"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701"}}
            """)!.AsObject();

        Assert.Equal(expected, FilterEvaluator.Matches(FilterParser.Parse(filter).Filter!, resource));
    }

    [Theory]
    [InlineData("members", "members", null, null)]
    [InlineData("name.givenName", "name", "givenName", null)]
    [InlineData("members[value eq \"2819c223\"]", "members", null, "value eq \"2819c223\"")]
    [InlineData("emails[type eq \"work\"].value", "emails", "value", "type eq \"work\"")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "employeeNumber", null, null)]
    public void ParsePath_PatchPaths_AttributeFilterAndSub(string text, string attribute, string? sub, string? filter)
    {
        var (path, error) = FilterParser.ParsePath(text);

        Assert.Null(error);
        Assert.Equal((attribute, sub ?? path!.Attribute.Sub, filter), (path!.Attribute.Name, path.Sub ?? path.Attribute.Sub, path.Filter is null ? null : FilterEvaluator.Describe(path.Filter)));
    }
}
