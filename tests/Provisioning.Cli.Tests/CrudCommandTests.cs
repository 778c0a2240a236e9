using Provisioning.Cli.Tests.Infrastructure;

namespace Provisioning.Cli.Tests;

/// <summary>list, show, create, update, delete of environments, users and extensions, read back with --json.</summary>
public sealed class CrudCommandTests
{
    [Fact]
    public async Task Environments_CreateUpdateShowListDelete_ReadBackAsJson()
    {
        await using var db = await CliDatabase.CreateAsync();

        await db.RunOkAsync("environments", "create", "AB12", "Acme", "--display-name", "Acme Inc");
        await db.RunOkAsync("environments", "update", "AB12", "--helpdesk-url", "https://help.acme.example/");
        var shown = (await db.RunOkAsync("environments", "show", "ab12", "--json")).Json();
        var listed = (await db.RunOkAsync("environments", "list", "--json")).Json();
        await db.RunOkAsync("environments", "delete", "AB12");
        var gone = await db.RunAsync("environments", "show", "AB12");

        Assert.Equal(("AB12", "Acme", "Acme Inc", "https://help.acme.example/"), (shown.GetProperty("eid").GetString(), shown.GetProperty("shortName").GetString(), shown.GetProperty("displayName").GetString(), shown.GetProperty("helpdeskURL").GetString()));
        Assert.Equal(["0000", "AB12"], listed.EnumerateArray().Select(e => e.GetProperty("eid").GetString()));
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("The environment with eid 'AB12' was not found", gone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_CreateUpdateShowDelete_ReadBackAsJson()
    {
        await using var db = await CliDatabase.CreateAsync();

        await db.RunOkAsync("users", "create", "0000", "alice", "--display-name", "Alice", "--email", "alice@example.com");
        await db.RunOkAsync("extensions", "create", "0000", "+4930111", "--user", "alice");
        await db.RunOkAsync("users", "update", "0000", "alice", "--display-name", "Alice A.");
        var shown = (await db.RunOkAsync("users", "show", "0000", "ALICE", "--json")).Json();
        await db.RunOkAsync("users", "delete", "0000", "alice");
        var gone = await db.RunAsync("users", "show", "0000", "alice");

        Assert.Equal(("Alice A.", "alice@example.com"), (shown.GetProperty("displayName").GetString(), shown.GetProperty("email").GetString()));
        Assert.Equal(["+4930111"], shown.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Default group"], shown.GetProperty("groups").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, gone.ExitCode);
    }

    [Fact]
    public async Task Extensions_CreateUpdateShowListDelete_ReadBackAsJson()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("users", "create", "0000", "bob");

        await db.RunOkAsync("extensions", "create", "0000", "bob@sip.example", "--recording-mode", "ON_DEMAND", "--video", "true");
        await db.RunOkAsync("extensions", "update", "0000", "BOB@sip.example", "--im", "true", "--user", "bob");
        var shown = (await db.RunOkAsync("extensions", "show", "0000", "bob@sip.example", "--json")).Json();
        var listed = (await db.RunOkAsync("extensions", "list", "--eid", "0000", "--json")).Json();
        await db.RunOkAsync("extensions", "delete", "0000", "bob@sip.example");
        var gone = await db.RunAsync("extensions", "show", "0000", "bob@sip.example");

        Assert.Equal(("ON_DEMAND", true, true, true, false, "bob"), (shown.GetProperty("recordingMode").GetString(), shown.GetProperty("voice").GetBoolean(), shown.GetProperty("im").GetBoolean(), shown.GetProperty("video").GetBoolean(), shown.GetProperty("screenCaptureEnabled").GetBoolean(), shown.GetProperty("userLoginName").GetString()));
        Assert.Single(listed.EnumerateArray());
        Assert.Equal(1, gone.ExitCode);
    }

    [Fact]
    public async Task Extensions_UpdateAndDeleteById_NeedNeitherEidNorAddress()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("environments", "create", "CD34", "Other");
        await db.RunOkAsync("extensions", "create", "0000", "carol@sip.example", "--video", "true");
        var id = (await db.RunOkAsync("extensions", "show", "0000", "carol@sip.example", "--json")).Json().GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        await db.RunOkAsync("extensions", "update", "--id", id, "--im", "true");
        var shown = (await db.RunOkAsync("extensions", "show", "0000", "carol@sip.example", "--json")).Json();
        var elsewhere = await db.RunAsync("extensions", "delete", "CD34", "--id", id);
        var unnamed = await db.RunAsync("extensions", "delete", "0000");
        await db.RunOkAsync("extensions", "delete", "--id", id);
        var gone = await db.RunAsync("extensions", "show", "0000", "carol@sip.example");

        Assert.Equal((true, true), (shown.GetProperty("im").GetBoolean(), shown.GetProperty("video").GetBoolean()));
        Assert.Equal((1, $"error: extension.id {id} does not belong to environment CD34"), (elsewhere.ExitCode, elsewhere.Error.Trim()));
        Assert.Equal(2, unnamed.ExitCode);
        Assert.Equal(1, gone.ExitCode);
    }

    [Fact]
    public async Task ExtensionCreate_Duplicate_ExitsOneWithTheApisMessage()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("extensions", "create", "0000", "+4930222");

        var again = await db.RunAsync("extensions", "create", "0000", "+4930222");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: This extension already exists in the database: 0000:+4930222", again.Error.Trim());
    }
}
