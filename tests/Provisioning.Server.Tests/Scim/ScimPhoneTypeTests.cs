using System.Net;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Scim;

/// <summary>phoneNumbers[].type is stored with the extension (schema 10) and answered as it was sent.</summary>
public sealed class ScimPhoneTypeTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";

    [Fact]
    public async Task PhoneTypes_RoundTrip_AndAFilteredReplaceChangesOnlyThatType()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var created = await scim.PostAsync("Users", $$"""
            {{{UserSchema}},"userName":"typed","phoneNumbers":[{"value":"+4930111","type":"work"},{"value":"+4930222","type":"mobile"}]}
            """);

        var read = await scim.GetAsync($"Users/{created.Id}");
        var patched = await scim.PatchAsync($"Users/{created.Id}", """
            {"Operations":[{"op":"Replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"+4930333"},
                           {"op":"Add","path":"phoneNumbers[type eq \"fax\"].value","value":"+4930444"}]}
            """);
        var found = await scim.FilterAsync("Users", "phoneNumbers[type eq \"mobile\" and value eq \"+4930333\"]");

        Assert.Equal([("+4930111", "work"), ("+4930222", "mobile")], Numbers(read));
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal([("+4930111", "work"), ("+4930333", "mobile"), ("+4930444", "fax")], Numbers(await scim.GetAsync($"Users/{created.Id}")));
        Assert.Equal(created.Id, Assert.Single(found.Resources).GetProperty("id").GetString());
    }

    [Fact]
    public async Task PhoneType_SentWithoutType_KeepsItsType_TooLong_400AndUnchanged()
    {
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        var created = await scim.PostAsync("Users", $$"""{{{UserSchema}},"userName":"kept","phoneNumbers":[{"value":"+4930555","type":"mobile"}]}""");

        var put = await scim.PutAsync($"Users/{created.Id}", $$"""{{{UserSchema}},"userName":"kept","phoneNumbers":[{"value":"+4930555"}]}""");
        var tooLong = await scim.PutAsync($"Users/{created.Id}", $$"""{{{UserSchema}},"userName":"kept","phoneNumbers":[{"value":"+4930555","type":"{{new string('m', 33)}}"}]}""");

        Assert.Equal([("+4930555", "mobile")], Numbers(put));
        Assert.Equal((HttpStatusCode.BadRequest, "invalidValue"), (tooLong.Status, tooLong.ScimType));
        Assert.Contains("phoneNumbers.type", tooLong.Detail, StringComparison.Ordinal);
        Assert.Equal([("+4930555", "mobile")], Numbers(await scim.GetAsync($"Users/{created.Id}")));
    }

    private static (string?, string?)[] Numbers(ScimClient.Answer answer) =>
        answer.Json.GetProperty("phoneNumbers").EnumerateArray().Select(p => (p.GetProperty("value").GetString(), p.GetProperty("type").GetString())).ToArray();
}
