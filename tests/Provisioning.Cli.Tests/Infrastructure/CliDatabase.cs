using Provisioning.Core.Security;
using Provisioning.Core.Storage;
using Provisioning.Hosting;

namespace Provisioning.Cli.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in a temporary folder of its own, and the tool run in process against it through its entry point,
/// with the settings on the command line as an operator would give them.
/// </summary>
public sealed class CliDatabase : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-tests";

    private CliDatabase(string folder) => Folder = folder;

    public string Folder { get; }

    public string ConnectionString => $"Data Source={Path.Combine(Folder, "provisioning.db")}";

    /// <summary>A new database; <paramref name="initialise"/> runs init on it first.</summary>
    public static async Task<CliDatabase> CreateAsync(bool initialise = true)
    {
        var database = new CliDatabase(Directory.CreateTempSubdirectory("provisioning-cli-tests-").FullName);
        if (initialise)
        {
            var init = await database.RunAsync("init");
            Assert.True(init.ExitCode == 0, init.ToString());
        }
        return database;
    }

    public string PathOf(string file) => Path.Combine(Folder, file);

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        await RunAsync(new StringWriter(), cancellationToken, args);

    /// <summary>Runs the tool writing its standard output to <paramref name="output"/> (a test may watch it).</summary>
    public async Task<CliResult> RunAsync(StringWriter output, CancellationToken cancellationToken, params string[] args)
    {
        var error = new StringWriter();
        string[] settings =
        [
            $"--Provisioning:Storage:ConnectionString={ConnectionString}",
            "--Provisioning:Security:PasswordHashIterations=1000",
            $"--Provisioning:Bootstrap:AdminPassword={AdminPassword}",
        ];
        var code = await CliApp.RunAsync([.. settings, .. args], new CliConsole(output, error, Interactive: false), cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the tool and asserts that it succeeded.</summary>
    public async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>The same database opened directly, as the server would open it.</summary>
    public IProvisioningStore OpenStore() => StoreFactory.Open(new StorageSettings { ConnectionString = ConnectionString });

    public static TokenService Tokens(IProvisioningStore store) => new(store, new PasswordHasher(1000), new TokenOptions(), TimeProvider.System, new SessionCache(store), new PasswordGate(2, 2, TimeSpan.FromSeconds(2), TimeProvider.System), new LoginCounts());

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere in the test process; the temporary folder is cleaned by the system.
        }
        return ValueTask.CompletedTask;
    }
}
