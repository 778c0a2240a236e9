using Microsoft.Data.Sqlite;
using Provisioning.Cli.Tests.Infrastructure;

namespace Provisioning.Cli.Tests;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task Backup_WhileAnotherConnectionHoldsTheDatabase_WritesACompleteCopyThatOpensAlone()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("extensions", "create", "0000", "backed-up@x");
        await using var open = db.OpenStore();
        var target = db.PathOf("copy.db");

        var backup = await db.RunOkAsync("backup", target);

        Assert.Contains($"to {target} (", backup.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(target + "-wal"));
        using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        copy.Open();
        using var command = copy.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM extensions WHERE address = 'backed-up@x'";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public async Task Backup_ToTheDatabaseItselfEvenForced_RefusedAndTheDatabaseKept()
    {
        await using var db = await CliDatabase.CreateAsync();
        await db.RunOkAsync("extensions", "create", "0000", "still-there@x");

        var refused = await db.RunAsync("backup", db.PathOf("provisioning.db"), "--force");
        var shown = await db.RunAsync("extensions", "show", "0000", "still-there@x");

        Assert.Equal((2, 0), (refused.ExitCode, shown.ExitCode));
        Assert.Contains("is the database itself", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_Copy_ReadableByItsOwnerOnly()
    {
        await using var db = await CliDatabase.CreateAsync();
        var target = db.PathOf("private.db");

        await db.RunOkAsync("backup", target);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        }
    }

    [Fact]
    public async Task Backup_FileExists_RefusedUnlessForced()
    {
        await using var db = await CliDatabase.CreateAsync();
        var target = db.PathOf("existing.db");
        await File.WriteAllTextAsync(target, "keep me");

        var refused = await db.RunAsync("backup", target);
        var kept = await File.ReadAllTextAsync(target);
        var forced = await db.RunAsync("backup", target, "--force");

        Assert.Equal((2, "keep me"), (refused.ExitCode, kept));
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.NotEqual("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Backup_Postgres_SaysToUsePgDumpWithoutConnecting()
    {
        var error = new StringWriter();

        var code = await CliApp.RunAsync(
            ["--Provisioning:Storage:Provider=Postgres", "--Provisioning:Storage:ConnectionString=Host=nowhere.invalid", "backup", "x.dump"],
            new CliConsole(new StringWriter(), error, Interactive: false),
            CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("pg_dump", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Provisioning:Limits:MaxRequestBytes=-1", "Provisioning:Limits:MaxRequestBytes must be positive, was -1")]
    [InlineData("--Provisioning:PortRangeStart=seven", "Provisioning:PortRangeStart")]
    [InlineData("--Provisioning:Storage:Provider=Oracle", "Provisioning:Storage:Provider 'Oracle'")]
    public async Task AnyCommand_BadSetting_ExitsTwoWithOneLineNamingIt(string setting, string expected)
    {
        await using var db = await CliDatabase.CreateAsync();

        var status = await db.RunAsync(setting, "status");

        Assert.Equal(2, status.ExitCode);
        Assert.Contains(expected, Assert.Single(status.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
