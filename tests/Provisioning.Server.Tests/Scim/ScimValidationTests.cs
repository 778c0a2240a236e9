using System.Text.Json.Nodes;
using Provisioning.Server.Tests.Infrastructure;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Scim;

/// <summary>
/// SCIMMY (npm, tests/clients/scim), a SCIM implementation not written here, checks what the server answers: every
/// User and Group against RFC 7643's schemas, /Schemas against its definitions, and each filter the tests use parsed
/// by its parser and matched against the same users, selecting what the server selected. Without node or the module
/// the test skips locally and fails when CI=true (.ci/run installs them).
/// </summary>
public sealed class ScimValidationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private static readonly string Directory = Path.Combine(RepoPaths.Root, "tests", "clients", "scim");

    private static readonly string[] Filters =
    [
        "userName eq \"val-alice\"",
        "userName sw \"val-\" and active eq true",
        "emails[type eq \"work\" and value ew \"@b.example\"]",
        "emails co \"@a.example\" or displayName co \"Bob\"",
        "not (active eq true)",
        "phoneNumbers pr",
        "phoneNumbers.value eq \"+4930100\"",
        "externalId eq \"ext-2\"",
        "userName gt \"val-b\" and userName le \"val-carol\"",
        "displayName ne \"Alice A\"",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"E1\"",
        "groups[display eq \"Desk\"]",
        "timezone pr and not (preferredLanguage eq \"de\")",
    ];

    [SkippableFact]
    public async Task Resources_SchemasAndFilters_ValidatedBySCIMMY()
    {
        Require(await MissingScimmyAsync());
        var (eid, _) = await shared.TenantAsync();
        var scim = await ScimClient.ForAsync(shared.Server, eid);
        await PopulateAsync(scim);

        var users = await scim.GetAsync("Users?count=1000");
        var groups = await scim.GetAsync("Groups");
        var schemas = await scim.GetAsync("Schemas");
        var filters = new JsonArray();
        foreach (var filter in Filters)
        {
            var answer = await scim.FilterAsync("Users", filter, "&count=1000");
            Assert.True(answer.Status == System.Net.HttpStatusCode.OK, answer.Body);
            filters.Add(new JsonObject
            {
                ["resource"] = "Users",
                ["filter"] = filter,
                ["candidates"] = JsonNode.Parse(users.Json.GetProperty("Resources").GetRawText()),
                ["matched"] = new JsonArray(answer.Resources.Select(r => (JsonNode)r.GetProperty("id").GetString()!).ToArray()),
            });
        }
        var input = new JsonObject
        {
            ["schemas"] = JsonNode.Parse(schemas.Json.GetProperty("Resources").GetRawText()),
            ["users"] = JsonNode.Parse(users.Json.GetProperty("Resources").GetRawText()),
            ["groups"] = JsonNode.Parse(groups.Json.GetProperty("Resources").GetRawText()),
            ["filters"] = filters,
        };
        var file = Path.Combine(shared.Server.Directory, $"scimmy-{eid}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());

        var (exitCode, output) = await ExternalProgram.RunAsync("node", ["validate.mjs", file], TimeSpan.FromMinutes(2), Directory);

        Assert.True(exitCode == 0, output);
        // SCIMMY's matcher cannot compare a complex attribute without a sub-attribute (emails co, phoneNumbers pr): those two
        // are parsed by it only; every other filter selects the same users there as here.
        Assert.Contains($"{users.Total} users, {groups.Total} groups, 4 schemas, {Filters.Length} filters parsed ({Filters.Length - 2} matched alike); 0 problems", output, StringComparison.Ordinal);
    }

    private static async Task PopulateAsync(ScimClient scim)
    {
        string[] bodies =
        [
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"val-alice","externalId":"ext-1","displayName":"Alice A","emails":[{"value":"alice@a.example","type":"work","primary":true}],"phoneNumbers":[{"value":"+4930100","type":"work"}],"timezone":"Europe/Berlin","preferredLanguage":"de","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E1"}}""",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"val-bob","externalId":"ext-2","name":{"formatted":"Bob B"},"emails":[{"value":"bob@b.example","type":"work"}],"active":false,"timezone":"Europe/London"}""",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:verba:params:scim:schemas:extension:provisioning:2.0:User"],"userName":"val-carol","displayName":"Carol C","phoneNumbers":[{"value":"sip:carol@c.example"},{"value":"+4930300"}],"urn:verba:params:scim:schemas:extension:provisioning:2.0:User":{"recordingMode":"CONTROLLED","media":["voice","im"]}}""",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"val-dave","emails":[{"value":"dave@b.example","type":"home"}],"preferredLanguage":"en"}""",
        ];
        var ids = new List<string>();
        foreach (var body in bodies)
        {
            var created = await scim.PostAsync("Users", body);
            Assert.True(created.Status == System.Net.HttpStatusCode.Created, created.Body);
            ids.Add(created.Id);
        }
        var group = await scim.PostAsync("Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Desk","members":[{"value":"{{ids[0]}}"},{"value":"{{ids[2]}}"}]}""");
        Assert.True(group.Status == System.Net.HttpStatusCode.Created, group.Body);
    }

    /// <summary>The pinned scimmy package is installed by `npm ci` (from package-lock.json) when it is not there yet.</summary>
    private static async Task<string?> MissingScimmyAsync()
    {
        foreach (var (command, package) in new[] { ("node", "nodejs"), ("npm", "npm") })
        {
            if (ExternalProgram.FindOnPath(command) is null)
            {
                return $"{command} is not on PATH (apt-get install {package})";
            }
        }
        if (File.Exists(Path.Combine(Directory, "node_modules", "scimmy", "package.json")))
        {
            return null;
        }
        var (exitCode, output) = await ExternalProgram.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5), Directory);
        return exitCode == 0 ? null : $"npm ci in tests/clients/scim failed: {output}";
    }

    private static void Require(string? missing)
    {
        if (missing is not null && TestPostgres.InCi)
        {
            Assert.Fail($"node or SCIMMY is missing in CI, where .ci/run installs them: {missing}");
        }
        Skip.If(missing is not null, missing);
    }
}
