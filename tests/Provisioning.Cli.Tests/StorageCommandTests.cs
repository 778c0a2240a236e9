using Provisioning.Cli.Tests.Infrastructure;

namespace Provisioning.Cli.Tests;

/// <summary>storage folders|policies and environment retention from the command line: the same checks and messages as the API, audited, counted in status.</summary>
public sealed class StorageCommandTests
{
    [Fact]
    public async Task FolderAndPolicy_CreateUpdateFindDelete_AuditedAndCountedInStatus()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("environments", "create", "st01", "storage-one");

        var folderOut = await db.RunOkAsync("storage", "folders", "create", "st01", "Archive", "--path", "/srv/archive/one", "--type", "SMB");
        var folder = Assert.Single((await db.RunOkAsync("storage", "folders", "list", "--eid", "st01", "--json")).Json().EnumerateArray());
        var folderId = folder.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.RunOkAsync("storage", "policies", "create", "st01", "Nightly", "--action", "archive", "--folder", folderId, "--older-than-minutes", "1440", "--call-filter", "duration > 10; DROP TABLE users");
        var policy = (await db.RunOkAsync("storage", "policies", "find", "st01", "nightly", "--json")).Json();
        var policyId = policy.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.RunOkAsync("storage", "policies", "update", policyId, "--priority", "3", "--enabled", "false");
        var updated = (await db.RunOkAsync("storage", "policies", "show", policyId, "--json")).Json();
        var status = (await db.RunOkAsync("status", "--json")).Json().GetProperty("environments").EnumerateArray().Single(e => e.GetProperty("eid").GetString() == "st01");
        var inUse = await db.RunAsync("storage", "folders", "delete", folderId);
        await db.RunOkAsync("storage", "policies", "delete", policyId);
        await db.RunOkAsync("storage", "folders", "delete", folderId);
        var audit = (await db.RunOkAsync("audit", "list", "--json")).Out;

        Assert.Contains($"Created storage folder {folderId} (Archive) in st01.", folderOut.Out, StringComparison.Ordinal);
        Assert.Equal(("smb", true), (folder.GetProperty("type").GetString(), folder.GetProperty("enabled").GetBoolean()));
        Assert.Equal(("Archive", "duration > 10; DROP TABLE users"), (policy.GetProperty("storageFolder").GetString(), policy.GetProperty("callFilter").GetString()));
        Assert.Equal((3, false, 1440, "archive"), (updated.GetProperty("priority").GetInt32(), updated.GetProperty("enabled").GetBoolean(), updated.GetProperty("olderThanMinutes").GetInt32(), updated.GetProperty("action").GetString()));
        Assert.Equal((1, 1), (status.GetProperty("storageFolders").GetInt32(), status.GetProperty("storagePolicies").GetInt32()));
        Assert.Equal(1, inUse.ExitCode);
        Assert.Contains("Nightly", inUse.Error, StringComparison.Ordinal);
        Assert.Equal(2, Count(audit, "\"entity\": \"storageFolder\""));
        Assert.Equal(3, Count(audit, "\"entity\": \"storagePolicy\""));
        Assert.Contains("\"operation\": \"cli:storage policies update\"", audit, StringComparison.Ordinal);
        Assert.DoesNotContain((await db.RunOkAsync("storage", "folders", "list", "--json")).Json().EnumerateArray(), f => f.GetProperty("eid").GetString() == "st01");
    }

    [Fact]
    public async Task BadValues_AreRefusedNamingTheField_AndChangeNothing()
    {
        await using var db = await CliDatabase.CreateAsync();

        var badType = await db.RunAsync("storage", "folders", "create", "0000", "f1", "--path", "/x", "--type", "ftp");
        var noPath = await db.RunAsync("storage", "folders", "create", "0000", "f2");
        var noFolder = await db.RunAsync("storage", "policies", "create", "0000", "p1", "--action", "export");
        var negative = await db.RunAsync("storage", "policies", "create", "0000", "p2", "--action", "delete", "--older-than-years", "-1");
        var missing = await db.RunAsync("storage", "policies", "show", "987654");
        var listed = (await db.RunOkAsync("storage", "policies", "list", "--json")).Json();

        Assert.All([badType, noPath, noFolder, negative, missing], r => Assert.Equal(1, r.ExitCode));
        Assert.Contains("storageFolder.type", badType.Error, StringComparison.Ordinal);
        Assert.Contains("storageFolder.path", noPath.Error, StringComparison.Ordinal);
        Assert.Contains("storagePolicy.storageFolder.id is mandatory for the action export", noFolder.Error, StringComparison.Ordinal);
        Assert.Contains("storagePolicy.olderThanYears", negative.Error, StringComparison.Ordinal);
        Assert.Contains("987654", missing.Error, StringComparison.Ordinal);
        Assert.Empty(listed.EnumerateArray());
    }

    [Fact]
    public async Task EnvironmentCreate_WithRetention_CreatesTheDefaultFolderAndPolicies()
    {
        await using var db = await CliDatabase.CreateAsync();

        await db.RunOkAsync("environments", "create", "st02", "storage-two", "--archive-at-age-hours", "48", "--delete-at-age-hours", "8760", "--archive-path", "/srv/st02");
        var shown = (await db.RunOkAsync("environments", "show", "st02", "--json")).Json();
        var folders = (await db.RunOkAsync("storage", "folders", "list", "--eid", "st02", "--json")).Json();
        var policies = (await db.RunOkAsync("storage", "policies", "list", "--eid", "st02", "--json")).Json().EnumerateArray().ToArray();
        var refused = await db.RunAsync("environments", "create", "st03", "storage-three", "--archive-at-age-hours", "-5");
        var absent = await db.RunAsync("environments", "show", "st03");

        Assert.Equal((48, 8760, "/srv/st02"), (shown.GetProperty("archiveAtAgeHours").GetInt32(), shown.GetProperty("deleteAtAgeHours").GetInt32(), shown.GetProperty("archivePath").GetString()));
        Assert.Equal("/srv/st02", Assert.Single(folders.EnumerateArray()).GetProperty("path").GetString());
        Assert.Equal(["archive", "delete"], policies.Select(p => p.GetProperty("action").GetString()).Order());
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("archiveAtAgeHours", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, absent.ExitCode);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
