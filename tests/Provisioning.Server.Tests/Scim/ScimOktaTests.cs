using System.Net;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Scim;

/// <summary>
/// The requests Okta's SCIM 2.0 client sends (developer.okta.com, "SCIM 2.0 protocol reference"): find by userName with
/// startIndex and count, create, PUT the whole user, deactivate with a path-less replace, group push with members.
/// </summary>
public sealed class ScimOktaTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task OktaUserSequence_CreateReplaceDeactivate_AsOktaExpects()
    {
        var (eid, soapToken) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);

        var none = await scim.GetAsync("Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100");
        var created = await scim.PostAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},"emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
             "password":"1mz050nq","active":true}
            """);
        var replaced = await scim.PutAsync($"Users/{created.Id}", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{{created.Id}}}","userName":"test.user@okta.local",
             "name":{"givenName":"Another","familyName":"User"},"emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Another User","externalId":"00ujl29u0le5T6Aj10h7","phoneNumbers":[{"value":"sip:test.user@okta.local","type":"work"}],
             "active":true,"meta":{"resourceType":"User"}}
            """);
        var deactivated = await scim.PatchAsync($"Users/{created.Id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}
            """);
        var extension = await shared.Client.CallAsync("getExtension", $"<token>{soapToken}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>sip:test.user@okta.local</extension>");

        Assert.Equal((HttpStatusCode.OK, 0, 1), (none.Status, none.Total, none.Json.GetProperty("startIndex").GetInt32()));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.False(created.Json.TryGetProperty("password", out _));
        Assert.Equal(("Another User", true), (replaced.Json.GetProperty("displayName").GetString(), replaced.Json.GetProperty("active").GetBoolean()));
        Assert.Equal((HttpStatusCode.OK, false), (deactivated.Status, deactivated.Json.GetProperty("active").GetBoolean()));
        Assert.Equal("OK", extension.StatusCode);
        Assert.Equal("test.user@okta.local", extension.Return!.Element("extension")!.Element("user")!.Element("loginName")!.Value);
    }

    [Fact]
    public async Task OktaGroupPush_MembersReplacedAndRemovedByFilter_GroupFollows()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var ids = new List<string>();
        foreach (var login in new[] { "carol", "dave", "erin" })
        {
            ids.Add((await scim.PostAsync("Users", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{login}}"}""")).Id);
        }

        var group = await scim.PostAsync("Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Compliance","members":[{"value":"{{ids[0]}}","display":"carol"}]}""");
        var renamed = await scim.PatchAsync($"Groups/{group.Id}", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"replace","value":{"id":"{{{group.Id}}}","displayName":"Compliance Team"}},
             {"op":"add","path":"members","value":[{"value":"{{{ids[1]}}}","display":"dave"},{"value":"{{{ids[2]}}}","display":"erin"}]}]}
            """);
        var removed = await scim.PatchAsync($"Groups/{group.Id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{ids[0]}}\"]"}]}
            """);
        var listed = await scim.GetAsync("Groups?startIndex=1&count=100");

        Assert.Equal(HttpStatusCode.Created, group.Status);
        Assert.Equal([ids[0]], group.Json.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()));
        Assert.Equal((HttpStatusCode.OK, "Compliance Team"), (renamed.Status, renamed.Json.GetProperty("displayName").GetString()));
        Assert.Equal(ids, renamed.Json.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()));
        Assert.Equal([ids[1], ids[2]], removed.Json.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()));
        Assert.Contains(listed.Resources, g => g.GetProperty("displayName").GetString() == "Compliance Team");
    }
}
