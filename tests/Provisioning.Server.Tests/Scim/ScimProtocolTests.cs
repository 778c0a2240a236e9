using System.Net;
using System.Text.Json;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Scim;

/// <summary>RFC 7644 over HTTP: tokens and isolation, errors with scimType that change nothing, ETags, paging, projection, media types, limits.</summary>
public sealed class ScimProtocolTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";

    [Fact]
    public async Task Request_WithoutOrWithUnknownOrRevokedToken_401AsScimError()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid, "revoked");
        var before = await scim.GetAsync("Users");
        var (_, listed) = await Recorders.Recorders.CliAsync(shared.Server, "scim", "tokens", "list", eid, "--json");
        var (exit, output) = await Recorders.Recorders.CliAsync(shared.Server, "scim", "tokens", "revoke", eid, "revoked");
        var (_, after) = await Recorders.Recorders.CliAsync(shared.Server, "scim", "tokens", "list", eid, "--json");

        var answers = new[] { await scim.WithToken(null).GetAsync("Users"), await scim.WithToken("not-a-token").GetAsync("Users"), await scim.GetAsync("Users") };

        Assert.Equal((HttpStatusCode.OK, 0), (before.Status, exit));
        Assert.Contains("Revoked", output, StringComparison.Ordinal);
        Assert.Equal([("revoked", eid)], JsonDocument.Parse(listed).RootElement.EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("eid").GetString())));
        Assert.DoesNotContain(scim.Token!, listed, StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(after).RootElement.EnumerateArray());
        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, "application/scim+json", "401"), (a.Status, a.ContentType, a.Json.GetProperty("status").GetString())));
    }

    [Fact]
    public async Task Token_OfAnotherEnvironment_ItsUsersAreNotFound()
    {
        var (eidA, _) = await shared.TenantAsync();
        var (eidB, _) = await shared.TenantAsync();
        var a = await ScimClient.ForAsync(shared.Server, eidA);
        var b = await ScimClient.ForAsync(shared.Server, eidB);
        var user = await a.PostAsync("Users", $$"""{{{UserSchema}},"userName":"shared-name"}""");

        var get = await b.GetAsync($"Users/{user.Id}");
        var patch = await b.PatchAsync($"Users/{user.Id}", """{"Operations":[{"op":"replace","path":"active","value":false}]}""");
        var list = await b.FilterAsync("Users", "userName eq \"shared-name\"");
        var again = await a.GetAsync($"Users/{user.Id}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, 0), (get.Status, patch.Status, list.Total));
        Assert.True(again.Json.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Create_UserNameTakenIgnoringCase_409UniquenessAndNothingWritten()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"Taken"}""");

        var again = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"taken","phoneNumbers":[{"value":"+100"}]}""");
        var numbers = await scim.FilterAsync("Users", "phoneNumbers pr");

        Assert.Equal((HttpStatusCode.Conflict, "uniqueness"), (again.Status, again.ScimType));
        Assert.Contains("userName", again.Detail, StringComparison.Ordinal);
        Assert.Equal(0, numbers.Total);
    }

    [Fact]
    public async Task Patch_IfMatchStale_412AndUnchanged_IfMatchCurrent_Applied()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var created = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"etag","displayName":"One"}""");
        var changed = await scim.PatchAsync($"Users/{created.Id}", """{"Operations":[{"op":"replace","path":"displayName","value":"Two"}]}""", created.ETag);

        var stale = await scim.PatchAsync($"Users/{created.Id}", """{"Operations":[{"op":"replace","path":"displayName","value":"Three"}]}""", created.ETag);
        var current = await scim.GetAsync($"Users/{created.Id}");

        Assert.Equal((HttpStatusCode.OK, "Two"), (changed.Status, changed.Json.GetProperty("displayName").GetString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal(("Two", changed.ETag), (current.Json.GetProperty("displayName").GetString(), current.ETag));
    }

    [Theory]
    [InlineData("""{"Operations":[{"op":"replace","path":"active","value":"maybe"}]}""", "invalidValue", "active")]
    [InlineData("""{"Operations":[{"op":"replace","path":"urn:verba:params:scim:schemas:extension:provisioning:2.0:User:recordingMode","value":"LOUD"}]}""", "invalidValue", "recordingMode")]
    [InlineData("""{"Operations":[{"op":"replace","path":"userName","value":""}]}""", "invalidValue", "userName")]
    [InlineData("""{"Operations":[{"op":"replace","path":"displayName","value":"x"},{"op":"move","path":"displayName"}]}""", "invalidSyntax", "move")]
    [InlineData("""{"Operations":[{"op":"remove"}]}""", "noTarget", "path")]
    [InlineData("""{"Operations":[{"op":"add","path":"emails[type eq","value":"x"}]}""", "invalidPath", "emails[type eq")]
    [InlineData("""{"Operations":[{"op":"replace","path":"id","value":"7"}]}""", "mutability", "id")]
    [InlineData("""{"Operations":[]}""", "invalidSyntax", "Operations")]
    public async Task Patch_BadRequest_400NamingTheProblemAndNothingChanged(string body, string scimType, string named)
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var created = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"victim","displayName":"Kept"}""");

        var answer = await scim.PatchAsync($"Users/{created.Id}", body);
        var after = await scim.GetAsync($"Users/{created.Id}");

        Assert.Equal((HttpStatusCode.BadRequest, scimType), (answer.Status, answer.ScimType));
        Assert.Contains(named, answer.Detail, StringComparison.Ordinal);
        Assert.Equal(created.ETag, after.ETag);
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName xx \"a\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("userName eq \"a\" and")]
    public async Task List_FilterNotParsable_400InvalidFilter(string filter)
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);

        var answer = await scim.FilterAsync("Users", filter);

        Assert.Equal((HttpStatusCode.BadRequest, "invalidFilter"), (answer.Status, answer.ScimType));
    }

    [Fact]
    public async Task List_StartIndexAndCount_PageOfTheTotal()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"page{{i}}"}""")).Id);
        }

        var page = await scim.GetAsync("Users?startIndex=2&count=2");
        var filtered = await scim.FilterAsync("Users", "userName sw \"page\"", "&startIndex=4&count=10");
        var counted = await scim.GetAsync("Users?count=0");

        // The environment's SOAP administrator is its first user.
        Assert.Equal((6, 2, 2), (page.Total, page.Json.GetProperty("startIndex").GetInt32(), page.Json.GetProperty("itemsPerPage").GetInt32()));
        Assert.Equal([ids[0], ids[1]], page.Resources.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(5, filtered.Total);
        Assert.Equal([ids[3], ids[4]], filtered.Resources.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal((6, 0), (counted.Total, counted.Resources.Count));
    }

    [Fact]
    public async Task Get_AttributesAndExcludedAttributes_OnlyThoseWithIdAndSchemas()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var created = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"proj","displayName":"P","emails":[{"value":"p@x.example","type":"work"}]}""");

        var only = await scim.GetAsync($"Users/{created.Id}?attributes=userName,emails.value");
        var without = await scim.GetAsync($"Users/{created.Id}?excludedAttributes=emails,meta");

        Assert.Equal(["schemas", "id", "userName", "emails"], only.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""[{"value":"p@x.example"}]""", only.Json.GetProperty("emails").GetRawText());
        Assert.False(without.Json.TryGetProperty("emails", out _) || without.Json.TryGetProperty("meta", out _));
        Assert.Equal("P", without.Json.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Discovery_ServiceProviderConfigSchemasResourceTypes_Served()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);

        var config = await scim.GetAsync("ServiceProviderConfig");
        var schemas = await scim.GetAsync("Schemas");
        var types = await scim.GetAsync("ResourceTypes");
        var user = await scim.GetAsync("Schemas/urn:ietf:params:scim:schemas:core:2.0:User");

        Assert.True(config.Json.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.True(config.Json.GetProperty("etag").GetProperty("supported").GetBoolean());
        Assert.Equal(4, schemas.Total);
        Assert.Equal(["User", "Group"], types.Resources.Select(r => r.GetProperty("id").GetString()));
        Assert.EndsWith("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", user.Json.GetProperty("meta").GetProperty("location").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongMediaTypeTooLargeOrNotJson_RefusedAndNothingWritten()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var json = $$"""{{{UserSchema}},"userName":"never"}""";

        var xml = await scim.SendAsync(HttpMethod.Post, "Users", json, mediaType: "text/xml");
        var large = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"never","displayName":"{{new string('x', 1_100_000)}}"}""");
        var broken = await scim.PostAsync("Users", "{\"userName\":");
        var plainJson = await scim.SendAsync(HttpMethod.Post, "Users", $$"""{{{UserSchema}},"userName":"plain"}""", mediaType: "application/json");
        var listed = await scim.GetAsync("Users");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "invalidSyntax"), (broken.Status, broken.ScimType));
        Assert.Equal(HttpStatusCode.Created, plainJson.Status);
        Assert.Equal(["admin-" + eid, "plain"], listed.Resources.Select(r => r.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task RecordingExtension_SetOnCreate_AppliedToNumbers_NewNumberLaterGetsTheDefaults()
    {
        var (eid, soapToken) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var created = await scim.PostAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:verba:params:scim:schemas:extension:provisioning:2.0:User"],
             "userName":"rec","phoneNumbers":[{"value":"+4911"}],
             "urn:verba:params:scim:schemas:extension:provisioning:2.0:User":{"recordingMode":"ON_DEMAND","media":["voice","screen"]}}
            """);

        var added = await scim.PatchAsync($"Users/{created.Id}", """{"Operations":[{"op":"add","path":"phoneNumbers","value":[{"value":"+4922","type":"mobile"}]}]}""");
        var first = await shared.Client.CallAsync("getExtension", $"<token>{soapToken}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>+4911</extension>");
        var second = await shared.Client.CallAsync("getExtension", $"<token>{soapToken}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>+4922</extension>");

        Assert.Equal("""{"recordingMode":"ON_DEMAND","media":["voice","screen"]}""", created.Json.GetProperty("urn:verba:params:scim:schemas:extension:provisioning:2.0:User").GetRawText());
        Assert.Equal(["+4911", "+4922"], added.Json.GetProperty("phoneNumbers").EnumerateArray().Select(p => p.GetProperty("value").GetString()));
        Assert.False(added.Json.TryGetProperty("urn:verba:params:scim:schemas:extension:provisioning:2.0:User", out _));
        Assert.Equal(("ON_DEMAND", "true", "true"), (first.Return!.Element("extension")!.Element("recordingMode")!.Value, first.Return.Element("extension")!.Element("voice")!.Value, first.Return.Element("extension")!.Element("screenCaptureEnabled")!.Value));
        Assert.Equal(("FULL", "false"), (second.Return!.Element("extension")!.Element("recordingMode")!.Value, second.Return.Element("extension")!.Element("screenCaptureEnabled")!.Value));
    }

    [Fact]
    public async Task Writes_AuditedAsTheTokenName()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid, "entra-prod");
        await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"audited"}""");

        var (exit, output) = await Recorders.Recorders.CliAsync(shared.Server, "audit", "list", "--eid", eid, "--entity", "user", "--json");

        Assert.Equal(0, exit);
        var entry = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray(), e => e.GetProperty("key").GetString() == "audited");
        Assert.Equal(("scim:entra-prod", "scim:createUser", "audited"), (entry.GetProperty("login").GetString(), entry.GetProperty("operation").GetString(), entry.GetProperty("key").GetString()));
    }
}
