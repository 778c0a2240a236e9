using System.Net;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Scim;

/// <summary>
/// The requests Microsoft Entra ID's provisioning service sends (learn.microsoft.com, "Tutorial: Develop and plan
/// provisioning for a SCIM endpoint"), in its order: find by userName, create, update with capitalised ops and string
/// booleans, numbers, groups with Add/Remove members, delete; each change checked through SOAP as well.
/// </summary>
public sealed class ScimEntraTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task EntraUserSequence_CreateFindDisableRenumberDelete_SeenThroughSoap()
    {
        var (eid, soapToken) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);

        var none = await scim.FilterAsync("Users", "userName eq \"Test_User_ab6490ee@example.com\"");
        var created = await scim.PostAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee@example.com","active":true,
             "displayName":"Test User","emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b@example.com"}],
             "meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
             "phoneNumbers":[{"type":"work","value":"+4930123456"}],"roles":[],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"A-77"}}
            """);
        var found = await scim.FilterAsync("Users", "userName eq \"Test_User_ab6490ee@example.com\"");
        var id = created.Id;
        var disabled = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"Replace","path":"displayName","value":"Renamed User"},{"op":"Replace","path":"active","value":"False"}]}
            """);
        var renumbered = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"Replace","path":"phoneNumbers[type eq \"work\"].value","value":"+4930999999"}]}
            """);
        var soap = await shared.Client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{soapToken}</token><loginName>Test_User_ab6490ee@example.com</loginName><eid>{eid}</eid>");
        var deleted = await scim.DeleteAsync($"Users/{id}");
        var gone = await scim.GetAsync($"Users/{id}");

        Assert.Equal((HttpStatusCode.OK, 0), (none.Status, none.Total));
        Assert.Equal((HttpStatusCode.Created, "application/scim+json"), (created.Status, created.ContentType));
        Assert.EndsWith($"/scim/v2/Users/{id}", created.Location, StringComparison.Ordinal);
        Assert.Equal(created.ETag, created.Json.GetProperty("meta").GetProperty("version").GetString());
        Assert.Equal(("Test User", "A-77"), (created.Json.GetProperty("displayName").GetString(), created.Json.GetProperty("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").GetProperty("employeeNumber").GetString()));
        Assert.Equal(id, Assert.Single(found.Resources).GetProperty("id").GetString());
        Assert.Equal((HttpStatusCode.OK, false, "Renamed User"), (disabled.Status, disabled.Json.GetProperty("active").GetBoolean(), disabled.Json.GetProperty("displayName").GetString()));
        Assert.NotEqual(created.ETag, disabled.ETag);
        Assert.Equal("+4930999999", Assert.Single(renumbered.Json.GetProperty("phoneNumbers").EnumerateArray()).GetProperty("value").GetString());
        var user = soap.Return!.Element("user")!;
        Assert.Equal(("true", "Renamed User", "Test_User_fd0ea19b@example.com", "A-77", "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"),
            (user.Element("locked")?.Value, user.Element("displayName")?.Value, user.Element("email")?.Value, user.Element("agentId")?.Value, user.Element("externalId")?.Value));
        Assert.Equal(["+4930999999"], user.Elements("extensions").Select(e => e.Element("extension")!.Value));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.Status, gone.Status));
    }

    [Fact]
    public async Task EntraGroupSequence_CreateAddRemoveMembersDelete_MembershipsFollow()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var alice = (await scim.PostAsync("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice","active":true}""")).Id;
        var bob = (await scim.PostAsync("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bob","active":true}""")).Id;

        var none = await scim.FilterAsync("Groups", "displayName eq \"Traders\"", "&excludedAttributes=members");
        var group = await scim.PostAsync("Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Traders","meta":{"resourceType":"Group"}}""");
        var added = await scim.PatchAsync($"Groups/{group.Id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"value":"{{alice}}"},{"value":"{{bob}}"}]}]}
            """);
        var removed = await scim.PatchAsync($"Groups/{group.Id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"members","value":[{"value":"{{alice}}"}]}]}
            """);
        var filtered = await scim.FilterAsync("Groups", $"displayName eq \"Traders\" and members eq \"{bob}\"");
        var bobsGroups = await scim.GetAsync($"Users/{bob}");
        var deleted = await scim.DeleteAsync($"Groups/{group.Id}");

        Assert.Equal(0, none.Total);
        Assert.Equal(HttpStatusCode.Created, group.Status);
        Assert.Equal([alice, bob], added.Json.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()));
        Assert.Equal([bob], removed.Json.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()));
        Assert.Equal(group.Id, Assert.Single(filtered.Resources).GetProperty("id").GetString());
        Assert.Contains(bobsGroups.Json.GetProperty("groups").EnumerateArray(), g => g.GetProperty("display").GetString() == "Traders");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
    }
}
