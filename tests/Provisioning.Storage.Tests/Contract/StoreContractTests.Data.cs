using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Makes the unique objects each test needs, asserting that making them worked.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    protected static Tenant NewTenant() => new()
    {
        Eid = NewEid(),
        ShortName = Unique("Env"),
        DisplayName = "An environment",
        HelpdeskUrl = "https://help.example.com/",
        OndemandMaxCallAgeHoursInBuffer = 48,
        OndemandMaxRowsInBufferPerUser = 1000,
        Partitions = [7, 3, 5],
        ArchiveAtAgeHours = 24,
        DeleteAtAgeHours = 720,
        ArchivePath = "/archive",
    };

    protected async Task<Tenant> CreateTenantAsync(Tenant? tenant = null) =>
        AssertOk(await Store.Tenants.CreateAsync(tenant ?? NewTenant(), Ct));

    protected static User NewUser(Tenant tenant, string? login = null) => new()
    {
        TenantId = tenant.Id,
        Tenant = tenant.Ref,
        LoginName = login ?? Unique("User"),
    };

    protected async Task<User> CreateUserAsync(User user, string? passwordHash = null) =>
        AssertOk(await Store.Users.CreateAsync(new UserWrite(user, passwordHash), Ct));

    protected Task<User> CreateUserAsync(Tenant tenant, params string[] roles) => CreateUserAsync(NewUser(tenant) with { Roles = roles });

    protected static Extension NewExtension(Tenant tenant, string? address = null, long? userId = null) => new()
    {
        TenantId = tenant.Id,
        Tenant = tenant.Ref,
        Address = address ?? Unique("Sip") + "@example.com",
        User = userId is { } id ? new User { Id = id } : null,
    };

    protected async Task<Extension> CreateExtensionAsync(Extension extension) =>
        AssertOk(await Store.Extensions.CreateAsync(extension, Ct));

    protected Task<Extension> CreateExtensionAsync(Tenant tenant, long? userId = null) =>
        CreateExtensionAsync(NewExtension(tenant, userId: userId));

    protected Task<User?> FindUserAsync(long id, UserParts parts = UserParts.All) => Store.Users.FindByIdAsync(id, parts, Ct);

    protected Task<Extension?> FindExtensionAsync(Tenant tenant, string address) =>
        Store.Extensions.FindAsync(new ExtensionKey(tenant.Id, null, address), Ct);

    /// <summary>Every field of <paramref name="expected"/>, the partitions in order (Assert.Equivalent alone ignores it).</summary>
    protected static void AssertSameTenant(Tenant expected, Tenant? actual)
    {
        Assert.NotNull(actual);
        Assert.Equivalent(expected, actual, strict: true);
        Assert.Equal(expected.Partitions, actual.Partitions);
    }
}
