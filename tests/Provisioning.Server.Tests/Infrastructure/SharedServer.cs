namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>One server shared by the tests of a class; each test makes its own data (unique names).</summary>
public sealed class SharedServer : IAsyncLifetime
{
    private string? _adminToken;
    private int _eids;

    public TestServer Server { get; private set; } = null!;

    public SoapClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Provisioning:MaxListResults"] = "50" });
        Client = Server.Client();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A token of the bootstrap System Administrator.</summary>
    public async Task<string> AdminTokenAsync() => _adminToken ??= await Client.TokenAsync();

    /// <summary>A new environment with a random eid, and a token of an Administrator confined to it.</summary>
    public async Task<(string Eid, string Token)> TenantAsync()
    {
        var eid = RandomEid();
        await Provision.EnvironmentAsync(Client, await AdminTokenAsync(), eid);
        var token = await Provision.AdministratorTokenAsync(Client, await AdminTokenAsync(), eid, "admin-" + eid);
        return (eid, token);
    }

    /// <summary>An eid not used before on this server: T and three base-36 digits.</summary>
    public string RandomEid()
    {
        var n = Interlocked.Increment(ref _eids);
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return $"T{digits[n / 1296 % 36]}{digits[n / 36 % 36]}{digits[n % 36]}";
    }
}
