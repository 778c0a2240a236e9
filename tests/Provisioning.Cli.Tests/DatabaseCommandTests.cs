using Provisioning.Cli.Tests.Infrastructure;
using Provisioning.Core.Security;
using Provisioning.Hosting;

namespace Provisioning.Cli.Tests;

public sealed class DatabaseCommandTests
{
    [Fact]
    public async Task Init_EmptyDatabase_BootstrapsAndStatusCountsIt()
    {
        await using var db = await CliDatabase.CreateAsync(initialise: false);

        var init = await db.RunOkAsync("init");
        var status = (await db.RunOkAsync("status", "--json")).Json();

        Assert.Contains("Created environment 0000 and System Administrator 'admin'", init.Out, StringComparison.Ordinal);
        Assert.Equal(status.GetProperty("latestSchemaVersion").GetInt32(), status.GetProperty("schemaVersion").GetInt32());
        var reference = Assert.Single(status.GetProperty("environments").EnumerateArray());
        Assert.Equal(("0000", 1, 1, 0), (reference.GetProperty("eid").GetString(), reference.GetProperty("users").GetInt32(), reference.GetProperty("groups").GetInt32(), reference.GetProperty("extensions").GetInt32()));
    }

    [Fact]
    public async Task Init_WithoutPasswordInMissingFolder_CreatesFolderAndOwnerOnlyPasswordFileThatLogsIn()
    {
        await using var db = await CliDatabase.CreateAsync(initialise: false);
        var database = db.PathOf(Path.Combine("var", "lib", "provisioning.db"));
        var file = db.PathOf(Path.Combine("var", "lib", "initial-admin-password"));

        var init = await db.RunAsync("--Provisioning:Bootstrap:AdminPassword=", $"--Provisioning:Storage:ConnectionString=Data Source={database}", "init");

        Assert.True(init.ExitCode == 0, init.ToString());
        var password = (await File.ReadAllTextAsync(file)).Trim();
        Assert.Contains($"is in {file} (readable only by you)", init.Out, StringComparison.Ordinal);
        Assert.Contains($"Created the missing folder {Path.GetDirectoryName(database)}", init.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, init.ToString(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        await using var store = StoreFactory.Open(new StorageSettings { ConnectionString = $"Data Source={database}" });
        Assert.True((await CliDatabase.Tokens(store).RequestAsync("0000", "admin", password, LoginAttemptKey.Local, CancellationToken.None)).IsOk);
    }

    [Fact]
    public async Task Init_Again_MigratesNothingAndCreatesNothing()
    {
        await using var db = await CliDatabase.CreateAsync();

        var again = await db.RunOkAsync("init");

        Assert.Contains("Database ready at schema version", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Created", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_DatabaseNotInitialised_ExitsTwoAndSaysToRunInit()
    {
        await using var db = await CliDatabase.CreateAsync(initialise: false);

        var status = await db.RunAsync("status");

        Assert.Equal(2, status.ExitCode);
        Assert.Contains("run 'provisioning init'", status.Error, StringComparison.Ordinal);
        Assert.Empty(status.Out);
    }
}
