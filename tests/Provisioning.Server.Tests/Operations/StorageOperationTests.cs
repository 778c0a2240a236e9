using System.Globalization;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>The storage folder and policy operations (spec §8) on v2 and v3: every status path and tenant isolation.</summary>
public sealed class StorageOperationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string SqlText = "WHERE section.owner_eid = '0000' AND 1=1; DROP TABLE tenants; --";

    public static TheoryData<int> Versions() => [2, 3];

    public static TheoryData<string, string> OtherEnvironment() => new()
    {
        { "createStorageFolder", "<storageFolder><eid>{B}</eid><name>intruders</name><path>/x</path></storageFolder>" },
        { "updateStorageFolder", "<storageFolder><id>{folderB}</id><name>renamed</name><path>/x</path></storageFolder>" },
        { "deleteStorageFolder", "<id>{folderB}</id>" },
        { "getStorageFolderById", "<id>{folderB}</id>" },
        { "listStorageFoldersByEid", "<eid>{B}</eid>" },
        { "createStoragePolicy", "<storagePolicy><eid>{B}</eid><name>intruders</name><action>delete</action></storagePolicy>" },
        { "updateStoragePolicy", "<storagePolicy><id>{policyB}</id><name>renamed</name><action>delete</action></storagePolicy>" },
        { "deleteStoragePolicy", "<id>{policyB}</id>" },
        { "getStoragePolicyById", "<id>{policyB}</id>" },
        { "getStoragePolicyByName", "<name>Keep B</name><eid>{B}</eid>" },
        { "listStoragePoliciesByEid", "<eid>{B}</eid>" },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CreateStoragePolicy_WithFolder_ReadBackByIdNameAndLists(int version)
    {
        var (eid, token) = await shared.TenantAsync();
        var client = shared.Server.Client(version);
        var folderId = await FolderAsync(client, token, eid, "Archive");

        var created = await client.CallAsync("createStoragePolicy", $"<token>{token}</token><storagePolicy><eid>{eid}</eid><name>Keep</name><action>ARCHIVE</action>"
            + $"<callFilter>{SoapClient.X(SqlText)}</callFilter><olderThanMinutes>60</olderThanMinutes><storageFolder><id>{folderId}</id></storageFolder></storagePolicy>");
        var id = created.Return!.Element("storagePolicy")!.Element("id")!.Value;
        var byId = await client.CallAsync("getStoragePolicyById", $"<token>{token}</token><id>{id}</id>");
        var byName = await client.CallAsync("getStoragePolicyByName", $"<token>{token}</token><name>keep</name><eid>{eid}</eid>");
        var listed = await client.CallAsync("listStoragePoliciesByEid", $"<token>{token}</token><eid>{eid}</eid>");
        var all = await client.CallAsync("listStoragePolicies", $"<token>{token}</token>");

        Assert.Equal("OK", created.StatusCode);
        var policy = byId.Return!.Element("storagePolicy")!;
        Assert.Equal(("archive", SqlText, "60", "true"), (policy.Element("action")!.Value, policy.Element("callFilter")!.Value, policy.Element("olderThanMinutes")!.Value, policy.Element("enabled")!.Value));
        Assert.Equal(("Archive", "/srv/Archive"), (policy.Element("storageFolder")!.Element("name")!.Value, policy.Element("storageFolder")!.Element("path")!.Value));
        Assert.Equal(policy.ToString(), byName.Return!.Element("storagePolicy")!.ToString());
        Assert.Equal([id], listed.Return!.Elements("storagePolicies").Select(p => p.Element("id")!.Value));
        Assert.Equal([id], all.Return!.Elements("storagePolicies").Select(p => p.Element("id")!.Value));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task StorageFolder_CreateUpdateGetListDelete_EachAnswersTheStoredFolder(int version)
    {
        var (eid, token) = await shared.TenantAsync();
        var client = shared.Server.Client(version);
        var id = await FolderAsync(client, token, eid, "Media");

        var updated = await client.CallAsync("updateStorageFolder", $"<token>{token}</token><storageFolder><id>{id}</id><name>Media 2</name><path>s3://bucket/x</path><type>S3</type><enabled>0</enabled></storageFolder>");
        var read = await client.CallAsync("getStorageFolderById", $"<token>{token}</token><id>{id}</id>");
        var listed = await client.CallAsync("listStorageFoldersByEid", $"<token>{token}</token><eid>{eid}</eid>");
        var deleted = await client.CallAsync("deleteStorageFolder", $"<token>{token}</token><id>{id}</id>");
        // An Administrator hears "Permission denied." of an id that is not there, as of another tenant's; the System Administrator hears the truth.
        var gone = await client.CallAsync("getStorageFolderById", $"<token>{await shared.AdminTokenAsync()}</token><id>{id}</id>");

        Assert.Equal(("OK", "OK", "OK"), (updated.StatusCode, read.StatusCode, deleted.StatusCode));
        Assert.Equal($"<storageFolder><eid>{eid}</eid><enabled>false</enabled><environmentShortName>env-{eid}</environmentShortName><id>{id}</id><name>Media 2</name><path>s3://bucket/x</path><type>s3</type></storageFolder>",
            read.Return!.Element("storageFolder")!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        Assert.Equal([id.ToString(CultureInfo.InvariantCulture)], listed.Return!.Elements("storageFolders").Select(f => f.Element("id")!.Value));
        Assert.Equal("ERROR_NOT_FOUND", gone.StatusCode);
    }

    [Theory]
    [InlineData("createStorageFolder", "", "storageFolder is mandatory")]
    [InlineData("createStorageFolder", "<storageFolder><eid>{eid}</eid><path>/x</path></storageFolder>", "storageFolder.name is mandatory")]
    [InlineData("createStorageFolder", "<storageFolder><eid>{eid}</eid><name>x</name></storageFolder>", "storageFolder.path is mandatory")]
    [InlineData("createStorageFolder", "<storageFolder><eid>{eid}</eid><name>x</name><path>/x</path><type>ftp</type></storageFolder>", "storageFolder.type 'ftp' is not valid: one of local, smb, s3, azure")]
    [InlineData("createStoragePolicy", "<storagePolicy><eid>{eid}</eid><name>x</name></storagePolicy>", "storagePolicy.action is mandatory")]
    [InlineData("createStoragePolicy", "<storagePolicy><eid>{eid}</eid><name>x</name><action>shred</action></storagePolicy>", "storagePolicy.action 'shred' is not valid: one of archive, delete, export, transcode, move")]
    [InlineData("createStoragePolicy", "<storagePolicy><eid>{eid}</eid><name>x</name><action>delete</action><priority>-1</priority></storagePolicy>", "storagePolicy.priority '-1' is not valid: must not be negative")]
    [InlineData("createStoragePolicy", "<storagePolicy><eid>{eid}</eid><name>x</name><action>export</action></storagePolicy>", "storagePolicy.storageFolder.id is mandatory for the action export")]
    [InlineData("createStoragePolicy", "<storagePolicy><eid>{eid}</eid><name>x</name><action>export</action><storageFolder><id>987654321</id></storageFolder></storagePolicy>", "storagePolicy.storageFolder.id '987654321' does not exist")]
    [InlineData("deleteStorageFolder", "<id>987654321</id>", "id '987654321' does not exist")]
    [InlineData("updateStoragePolicy", "<storagePolicy><id>0</id><name>x</name><action>delete</action></storagePolicy>", "storagePolicy.id '0' is not valid: must be a positive id")]
    [InlineData("listStorageFoldersByEid", "", "environment.eid is mandatory")]
    public async Task StorageOperation_BadArgument_IllegalArgumentNamingTheField(string operation, string children, string message)
    {
        var token = await shared.AdminTokenAsync();
        var eid = shared.RandomEid();
        await Provision.EnvironmentAsync(shared.Client, token, eid);

        var answer = await shared.Server.Client(3).CallAsync(operation, $"<token>{token}</token>" + children.Replace("{eid}", eid, StringComparison.Ordinal));

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", message), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task CreateStoragePolicy_NotANumber_ClientFaultNamingTheField()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await shared.Client.CallAsync("createStoragePolicy", $"<token>{token}</token><storagePolicy><eid>{eid}</eid><name>x</name><action>delete</action><priority>soon</priority></storagePolicy>");

        Assert.Equal((500, "S:Client"), (answer.HttpStatus, answer.FaultCode));
        Assert.Contains("storagePolicy.priority", answer.FaultString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStorageFolder_NameTakenOtherCase_AlreadyExists()
    {
        var (eid, token) = await shared.TenantAsync();
        await FolderAsync(shared.Client, token, eid, "Vault");

        var answer = await shared.Client.CallAsync("createStorageFolder", $"<token>{token}</token><storageFolder><eid>{eid}</eid><name>VAULT</name><path>/y</path></storageFolder>");

        Assert.Equal(("ERROR_ALREADY_EXISTS", "This storage folder already exists in the database: name 'VAULT'"), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task DeleteStorageFolder_UsedByAPolicy_IllegalArgumentNamingThePolicyAndTheFolderStays()
    {
        var (eid, token) = await shared.TenantAsync();
        var folderId = await FolderAsync(shared.Client, token, eid, "Busy");
        await PolicyAsync(shared.Client, token, eid, "Uses busy", folderId);

        var answer = await shared.Client.CallAsync("deleteStorageFolder", $"<token>{token}</token><id>{folderId}</id>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", $"The storage folder {folderId} is used by the storage policy 'Uses busy' and so it can not be deleted"), (answer.StatusCode, answer.Message));
        Assert.Equal("OK", (await shared.Client.CallAsync("getStorageFolderById", $"<token>{token}</token><id>{folderId}</id>")).StatusCode);
    }

    [Fact]
    public async Task ListStoragePolicies_Administrator_SeesOnlyItsOwnEnvironment()
    {
        var (eidA, tokenA) = await shared.TenantAsync();
        var (eidB, tokenB) = await shared.TenantAsync();
        await PolicyAsync(shared.Client, tokenA, eidA, "Mine", null);
        await PolicyAsync(shared.Client, tokenB, eidB, "Theirs", null);

        var answer = await shared.Client.CallAsync("listStoragePolicies", $"<token>{tokenA}</token>");

        Assert.Equal(["Mine"], answer.Return!.Elements("storagePolicies").Select(p => p.Element("name")!.Value));
    }

    [Fact]
    public async Task ListStorageFoldersByEid_NoFolder_NotFound()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await shared.Client.CallAsync("listStorageFoldersByEid", $"<token>{token}</token><eid>{eid}</eid>");

        Assert.Equal("ERROR_NOT_FOUND", answer.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OtherEnvironment))]
    public async Task StorageOperation_OnAnotherEnvironment_PermissionDeniedAndNothingChanges(string operation, string parameters)
    {
        var (_, tokenA) = await shared.TenantAsync();
        var (eidB, tokenB) = await shared.TenantAsync();
        var folderB = await FolderAsync(shared.Client, tokenB, eidB, "Folder B");
        var policyB = await PolicyAsync(shared.Client, tokenB, eidB, "Keep B", folderB);
        var before = await SnapshotAsync(tokenB, eidB);

        var answer = await shared.Server.Client(3).CallAsync(operation, $"<token>{tokenA}</token>" + parameters.Replace("{B}", eidB, StringComparison.Ordinal)
            .Replace("{folderB}", folderB.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{policyB}", policyB.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(("ERROR_UNAUTHORIZED", "Permission denied."), (answer.StatusCode, answer.Message));
        Assert.DoesNotContain(eidB, answer.Body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(tokenB, eidB));
    }

    private async Task<string> SnapshotAsync(string token, string eid) =>
        (await shared.Client.CallAsync("listStorageFoldersByEid", $"<token>{token}</token><eid>{eid}</eid>")).Body
        + (await shared.Client.CallAsync("listStoragePoliciesByEid", $"<token>{token}</token><eid>{eid}</eid>")).Body;

    private static async Task<long> FolderAsync(SoapClient client, string token, string eid, string name)
    {
        var answer = await client.CallAsync("createStorageFolder", $"<token>{token}</token><storageFolder><eid>{eid}</eid><name>{name}</name><path>/srv/{name}</path></storageFolder>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
        return long.Parse(answer.Return!.Element("storageFolder")!.Element("id")!.Value, CultureInfo.InvariantCulture);
    }

    private static async Task<long> PolicyAsync(SoapClient client, string token, string eid, string name, long? folderId)
    {
        var folder = folderId is { } id ? $"<storageFolder><id>{id}</id></storageFolder>" : string.Empty;
        var action = folderId is null ? "delete" : "archive";
        var answer = await client.CallAsync("createStoragePolicy", $"<token>{token}</token><storagePolicy><eid>{eid}</eid><name>{name}</name><action>{action}</action>{folder}</storagePolicy>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
        return long.Parse(answer.Return!.Element("storagePolicy")!.Element("id")!.Value, CultureInfo.InvariantCulture);
    }
}
