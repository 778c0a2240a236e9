using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Operator;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;
using Provisioning.Hosting;

namespace Provisioning.Server.Tests.Hosting;

/// <summary>
/// The one composition of Core that the server and the command line share: every service it registers can be made from
/// what it registers, so a Core constructor that gains a parameter fails here rather than in one host's first command.
/// </summary>
public sealed class CompositionRootTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provisioning-composition-").FullName;

    [Fact]
    public async Task AddProvisioning_EveryRegisteredService_Resolves()
    {
        var services = new ServiceCollection().AddProvisioning(Settings());
        var types = services.Select(d => d.ServiceType).Distinct().ToArray();

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var unresolved = types.Where(t => provider.GetService(t) is null).ToArray();

        Assert.Empty(unresolved);
        Assert.Contains(typeof(TokenAdministration), types);
        Assert.Same(provider.GetRequiredService<IProvisioningStore>(), provider.GetRequiredService<IProvisioningStore>());
    }

    [Fact]
    public async Task AddProvisioning_ClockRegisteredBefore_IsTheOneUsed()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddProvisioning(Settings());

        await using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task DisposeAsync_ProviderThatMadeTheGate_DisposesIt()
    {
        var provider = new ServiceCollection().AddProvisioning(Settings()).BuildServiceProvider();
        var gate = provider.GetRequiredService<PasswordGate>();

        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => gate.EnterAsync("admin", CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_ProviderThatOpenedTheStore_ClosesItCleanly()
    {
        var provider = new ServiceCollection().AddProvisioning(Settings()).BuildServiceProvider();
        await provider.GetRequiredService<IProvisioningStore>().MigrateAsync(CancellationToken.None);
        var wal = Path.Combine(_folder, "provisioning.db-wal");
        var walBefore = new FileInfo(wal).Length;

        await provider.DisposeAsync();

        // A clean stop moves the WAL into the file; only a store left open keeps it.
        Assert.True(walBefore > 0);
        Assert.True(!File.Exists(wal) || new FileInfo(wal).Length == 0);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere in the test process; the temporary folder is cleaned by the system.
        }
    }

    private ProvisioningSettings Settings() => new()
    {
        Storage = new StorageSettings { ConnectionString = $"Data Source={Path.Combine(_folder, "provisioning.db")}" },
    };
}
