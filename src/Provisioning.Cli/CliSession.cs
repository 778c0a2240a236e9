using Microsoft.Extensions.DependencyInjection;
using Provisioning.Core.Audit;
using Provisioning.Core.Import;
using Provisioning.Core.Operator;
using Provisioning.Core.Recorders;
using Provisioning.Core.Results;
using Provisioning.Core.Scim;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;
using Provisioning.Hosting;

namespace Provisioning.Cli;

/// <summary>
/// One run of one command: the settings, the store they name, and the Core services over it, composed by
/// <see cref="CompositionRoot"/> as the server's are, used by the operator (a System Administrator acting locally).
/// Every change is audited for the operator "cli:{user}" in the command run.
/// </summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliSession(ServiceProvider services, CliConsole console, string command)
    {
        _services = services;
        Caller = Caller.Operator(OperatorName) with { Operation = "cli:" + command };
        Console = console;
    }

    public ProvisioningSettings Settings => Get<ProvisioningSettings>();

    /// <summary>Where the database is, as the server logs it at start.</summary>
    public DatabaseLocation Location => Get<DatabaseLocation>();

    public IProvisioningStore Store => Get<IProvisioningStore>();

    public CliConsole Console { get; }

    /// <summary>The operator, acting in the command being run ("cli:users add"): what it changes is audited so.</summary>
    public Caller Caller { get; }

    public PasswordHasher Hasher => Get<PasswordHasher>();

    public TenantAccess Access => Get<TenantAccess>();

    public TenantService Tenants => Get<TenantService>();

    public UserService Users => Get<UserService>();

    public ExtensionService Extensions => Get<ExtensionService>();

    public UserAccounts Accounts => Get<UserAccounts>();

    public TokenService Tokens => Get<TokenService>();

    public TokenAdministration TokenAdministration => Get<TokenAdministration>();

    public StatusService Status => Get<StatusService>();

    public Bootstrapper Bootstrapper => Get<Bootstrapper>();

    public ExtensionImporter ExtensionImporter => Get<ExtensionImporter>();

    public UserImporter UserImporter => Get<UserImporter>();

    public RecorderService Recorders => Get<RecorderService>();

    public StorageService Storage => Get<StorageService>();

    public ScimTokenService ScimTokens => Get<ScimTokenService>();

    public ConfigurationApplier Applier => Get<ConfigurationApplier>();

    public AuditArchiver Archiver => Get<AuditArchiver>();

    /// <summary>The login recorded in the audit log for changes made here.</summary>
    public static string OperatorName => "cli:" + Environment.UserName;

    /// <summary>Opens the configured store; unless <paramref name="anySchema"/>, it must be initialised to this build's schema.</summary>
    public static async Task<CliSession> OpenAsync(ProvisioningSettings settings, CliConsole console, string command, bool anySchema, CancellationToken cancellationToken)
    {
        var session = new CliSession(await ComposeAsync(settings), console, command);
        var (store, location) = (session.Store, session.Location);
        if (location.CreatedDirectory is { } created)
        {
            await console.Error.WriteLineAsync($"Created the missing folder {created} of the SQLite database.");
        }
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

    /// <summary>Core as the server composes it, with the store opened at once: a database that cannot be opened is a usage error.</summary>
    private static async Task<ServiceProvider> ComposeAsync(ProvisioningSettings settings)
    {
        ServiceProvider? services = null;
        try
        {
            services = new ServiceCollection().AddProvisioning(settings).BuildServiceProvider();
            services.GetRequiredService<IProvisioningStore>();
            return services;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or System.Data.Common.DbException)
        {
            if (services is not null)
            {
                await services.DisposeAsync();
            }
            throw new UsageException($"Cannot open the database ({settings.Storage.Provider}): {e.Message}");
        }
    }

    /// <summary>Writes a Core failure to standard error; returns the exit code for it.</summary>
    public int Fail(Failure failure)
    {
        Console.Error.WriteLine($"error: {failure.Message}");
        return ExitCodes.Refused;
    }

    public int Fail(Result result) => Fail(result.ToFailure());

    /// <summary>Closes what the provider made, the store last (it was made first).</summary>
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();
}
