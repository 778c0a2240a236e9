using System.Net;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Scim;

/// <summary>Sorting (RFC 7644 §3.4.2.3), POST …/.search (§3.4.3), the endpoints not served, and what ServiceProviderConfig says of them.</summary>
public sealed class ScimQueryTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private const string Search = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]";

    [Fact]
    public async Task List_SortedByUserNameDisplayNameExternalId_BothOrders_MissingValuesLast()
    {
        var scim = await ClientAsync();
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"Bravo","displayName":"zulu","externalId":"b"}""");
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"alpha","displayName":"Yankee","externalId":"B"}""");
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"charlie"}""");
        var only = "&filter=" + Uri.EscapeDataString("userName ne \"none\" and not (userName sw \"admin-\")");

        var byUserName = await scim.GetAsync("Users?sortBy=userName" + only);
        var byUserNameDown = await scim.GetAsync("Users?sortBy=userName&sortOrder=descending" + only);
        var byDisplayName = await scim.GetAsync("Users?sortBy=displayName" + only);
        var byDisplayNameDown = await scim.GetAsync("Users?sortBy=displayName&sortOrder=descending" + only);
        var byExternalId = await scim.GetAsync("Users?sortBy=externalId" + only);
        var paged = await scim.GetAsync("Users?sortBy=userName&startIndex=2&count=1" + only);

        Assert.Equal(["alpha", "Bravo", "charlie"], Names(byUserName));
        Assert.Equal(["charlie", "Bravo", "alpha"], Names(byUserNameDown));
        Assert.Equal(["alpha", "Bravo", "charlie"], Names(byDisplayName));
        Assert.Equal(["Bravo", "alpha", "charlie"], Names(byDisplayNameDown));
        Assert.Equal(["alpha", "Bravo", "charlie"], Names(byExternalId));
        Assert.Equal(3, paged.Total);
        Assert.Equal(["Bravo"], Names(paged));
    }

    [Fact]
    public async Task List_SortedWithoutFilter_AllUsersOfTheEnvironmentInOrder()
    {
        var scim = await ClientAsync();
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"zz"}""");
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"aa"}""");

        var sorted = await scim.GetAsync("Users?sortBy=userName");

        Assert.Equal(3, sorted.Total);
        Assert.Equal("aa", Names(sorted)[0]);
        Assert.Equal("zz", Names(sorted)[^1]);
    }

    [Fact]
    public async Task List_SortByUnsupportedAttributeOrBadOrder_400InvalidValue()
    {
        var scim = await ClientAsync();

        var attribute = await scim.GetAsync("Users?sortBy=emails.value");
        var order = await scim.GetAsync("Users?sortBy=userName&sortOrder=up");
        var group = await scim.GetAsync("Groups?sortBy=members");

        Assert.All([attribute, order, group], a => Assert.Equal((HttpStatusCode.BadRequest, "invalidValue"), (a.Status, a.ScimType)));
        Assert.Contains("sortBy", attribute.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_SortedByDisplayName()
    {
        var scim = await ClientAsync();
        await scim.PostAsync("Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Night"}""");
        await scim.PostAsync("Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"day"}""");

        var sorted = await scim.GetAsync("Groups?sortBy=displayName&sortOrder=descending&filter=" + Uri.EscapeDataString("displayName ew \"ay\" or displayName sw \"Ni\""));

        Assert.Equal(["Night", "day"], sorted.Resources.Select(r => r.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task Search_PostedQuery_AnsweredAsTheSameGet()
    {
        var scim = await ClientAsync();
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"searched-b","displayName":"B"}""");
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"searched-a","displayName":"A"}""");

        var posted = await scim.PostAsync("Users/.search", $$"""
            {{{Search}},"filter":"userName sw \"searched\"","sortBy":"userName","sortOrder":"descending","attributes":["userName"],"startIndex":1,"count":10}
            """);
        var got = await scim.GetAsync("Users?filter=" + Uri.EscapeDataString("userName sw \"searched\"") + "&sortBy=userName&sortOrder=descending&attributes=userName&startIndex=1&count=10");
        var groups = await scim.PostAsync("Groups/.search", $$"""{{{Search}},"filter":"displayName eq \"nothing\""}""");

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(got.Body, posted.Body);
        Assert.Equal(["searched-b", "searched-a"], Names(posted));
        Assert.False(posted.Resources[0].TryGetProperty("displayName", out _));
        Assert.Equal((HttpStatusCode.OK, 0), (groups.Status, groups.Total));
    }

    [Fact]
    public async Task Search_WithoutSearchRequestSchemaOrWithBadFilter_400()
    {
        var scim = await ClientAsync();

        var noSchema = await scim.PostAsync("Users/.search", """{"filter":"userName eq \"x\""}""");
        var badFilter = await scim.PostAsync("Users/.search", $$"""{{{Search}},"filter":"userName eq"}""");
        var badCount = await scim.PostAsync("Users/.search", $$"""{{{Search}},"count":{"n":1} }""");

        Assert.Equal((HttpStatusCode.BadRequest, "invalidSyntax"), (noSchema.Status, noSchema.ScimType));
        Assert.Equal((HttpStatusCode.BadRequest, "invalidFilter"), (badFilter.Status, badFilter.ScimType));
        Assert.Equal((HttpStatusCode.BadRequest, "invalidValue"), (badCount.Status, badCount.ScimType));
    }

    [Fact]
    public async Task MeBulkAndRootSearch_501AsScimError()
    {
        var scim = await ClientAsync();

        var me = await scim.GetAsync("Me");
        var bulk = await scim.PostAsync("Bulk", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[]}""");
        var root = await scim.PostAsync(".search", $$"""{{{Search}}}""");

        Assert.All([me, bulk, root], a => Assert.Equal((HttpStatusCode.NotImplemented, "application/scim+json", "501"), (a.Status, a.ContentType, a.Json.GetProperty("status").GetString())));
    }

    [Fact]
    public async Task ServiceProviderConfig_SaysSortAndNotBulk()
    {
        var scim = await ClientAsync();

        var config = await scim.GetAsync("ServiceProviderConfig");

        Assert.True(config.Json.GetProperty("sort").GetProperty("supported").GetBoolean());
        Assert.True(config.Json.GetProperty("filter").GetProperty("supported").GetBoolean());
        Assert.False(config.Json.GetProperty("bulk").GetProperty("supported").GetBoolean());
        Assert.True(config.Json.GetProperty("etag").GetProperty("supported").GetBoolean());
    }

    private async Task<ScimClient> ClientAsync()
    {
        var (eid, _) = await shared.TenantAsync();
        return await ScimClient.ForAsync(shared.Server, eid);
    }

    private static string[] Names(ScimClient.Answer answer) => answer.Resources.Select(r => r.GetProperty("userName").GetString()!).ToArray();
}
