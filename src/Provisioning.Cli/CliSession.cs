using Provisioning.Core.Audit;
using Provisioning.Core.Import;
using Provisioning.Core.Operator;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;
using Provisioning.Hosting;

namespace Provisioning.Cli;

/// <summary>
/// One run of one command: the settings, the store they name, and the Core services over it, used by the operator
/// (a System Administrator acting locally). Every change is made under an audit actor "cli:{user}".
/// </summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly PasswordGate _gate;

    private CliSession(ProvisioningSettings settings, DatabaseLocation location, IProvisioningStore store, CliConsole console, string command)
    {
        Caller = Caller.Operator(OperatorName) with { Operation = "cli:" + command };
        Settings = settings;
        Location = location;
        Store = store;
        Console = console;
        var time = TimeProvider.System;
        var limits = CoreOptions.Limits(settings);
        Hasher = CoreOptions.Hasher(settings);
        Access = new TenantAccess(store, new TenantCache(store));
        Tenants = new TenantService(store, limits);
        Users = new UserService(store, Access, Hasher, limits, time);
        Extensions = new ExtensionService(store, Access, limits);
        Accounts = new UserAccounts(store, Users, Access, time);
        _gate = CoreOptions.PasswordGate(settings, time);
        Tokens = new TokenService(store, Hasher, CoreOptions.Tokens(settings), time, new SessionCache(store), _gate, new LoginCounts());
        TokenAdministration = new TokenAdministration(store, Users, CoreOptions.Tokens(settings), time);
        Status = new StatusService(store);
        ExtensionImporter = new ExtensionImporter(store, Access);
        UserImporter = new UserImporter(store, Access, Users, Accounts);
    }

    public ProvisioningSettings Settings { get; }

    /// <summary>Where the database is, as the server logs it at start.</summary>
    public DatabaseLocation Location { get; }

    public IProvisioningStore Store { get; }

    public CliConsole Console { get; }

    /// <summary>The operator, acting in the command being run ("cli:users add"): what it changes is audited so.</summary>
    public Caller Caller { get; }

    public PasswordHasher Hasher { get; }

    public TenantAccess Access { get; }

    public TenantService Tenants { get; }

    public UserService Users { get; }

    public ExtensionService Extensions { get; }

    public UserAccounts Accounts { get; }

    public TokenService Tokens { get; }

    public TokenAdministration TokenAdministration { get; }

    public StatusService Status { get; }

    public ExtensionImporter ExtensionImporter { get; }

    public UserImporter UserImporter { get; }

    /// <summary>The login recorded in the audit log for changes made here.</summary>
    public static string OperatorName => "cli:" + Environment.UserName;

    /// <summary>Opens the configured store; unless <paramref name="anySchema"/>, it must be initialised to this build's schema.</summary>
    public static async Task<CliSession> OpenAsync(ProvisioningSettings settings, CliConsole console, string command, bool anySchema, CancellationToken cancellationToken)
    {
        IProvisioningStore store;
        DatabaseLocation location;
        try
        {
            location = DatabaseLocation.Of(settings.Storage);
            location.Prepare();
            store = StoreFactory.Open(settings.Storage);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or System.Data.Common.DbException)
        {
            throw new UsageException($"Cannot open the database ({settings.Storage.Provider}): {e.Message}");
        }
        if (location.CreatedDirectory is { } created)
        {
            await console.Error.WriteLineAsync($"Created the missing folder {created} of the SQLite database.");
        }
        var session = new CliSession(settings, location, store, console, command);
        if (!anySchema)
        {
            int version;
            try
            {
                version = await store.GetSchemaVersionAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
                await session.DisposeAsync();
                throw new UsageException($"Cannot open the database ({settings.Storage.Provider}): {e.Message}");
            }
            if (version != store.LatestSchemaVersion)
            {
                await session.DisposeAsync();
                throw new UsageException(
                    $"The database {location.Description} is at schema version {version}, this tool works on version {store.LatestSchemaVersion}: run 'provisioning init' first.");
            }
        }
        return session;
    }

    /// <summary>Writes a Core failure to standard error; returns the exit code for it.</summary>
    public int Fail(Failure failure)
    {
        Console.Error.WriteLine($"error: {failure.Message}");
        return ExitCodes.Refused;
    }

    public int Fail(Result result) => Fail(result.ToFailure());

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return Store.DisposeAsync();
    }
}
