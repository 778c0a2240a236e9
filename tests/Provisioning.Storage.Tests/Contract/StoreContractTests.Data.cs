using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Makes the unique objects each test needs, asserting that making them worked.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    /// <summary>Who a write is audited for when the test is not about its actor: start-up work, "system".</summary>
    protected static AuditActor SystemActor => Caller.System.ActorAt(T0);

    /// <summary>What a new extension's media is when a test does not say: the media of an extension record by default.</summary>
    private static MediaChange DefaultMedia => MediaChange.Exactly(new Extension().Media);

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

    protected async Task<Tenant> CreateTenantAsync(Tenant? tenant = null, AuditActor? actor = null) =>
        AssertOk(await Store.Tenants.CreateAsync(tenant ?? NewTenant(), actor ?? SystemActor, Ct));

    protected static User NewUser(Tenant tenant, string? login = null) => new()
    {
        TenantId = tenant.Id,
        Tenant = tenant.Ref,
        LoginName = login ?? Unique("User"),
    };

    protected async Task<User> CreateUserAsync(User user, string? passwordHash = null) =>
        AssertOk(await Store.Users.CreateAsync(WriteOf(user, passwordHash), SystemActor, Ct));

    /// <summary>
    /// The write of <paramref name="user"/> with its listed extensions embedded, each stored with exactly its media;
    /// the user's own list goes empty, as the services send it, so a store that read that list would lose them.
    /// </summary>
    protected static UserWrite WriteOf(User user, string? passwordHash) => new(user with { Extensions = [] }, passwordHash)
    {
        Extensions = [.. user.Extensions.Select(e => new ExtensionWrite(user.TenantId, e.Address!, e.Mode, MediaChange.Exactly(e.Media), null) { Tenant = e.Tenant })],
    };

    protected Task<User> CreateUserAsync(Tenant tenant, params string[] roles) => CreateUserAsync(NewUser(tenant) with { Roles = roles });

    /// <summary>An extension as a user lists it (<see cref="WriteOf"/> embeds it), and as the user is read back with it.</summary>
    protected static Extension NewExtension(Tenant tenant, string? address = null) => new()
    {
        TenantId = tenant.Id,
        Tenant = tenant.Ref,
        Address = address ?? Unique("Sip") + "@example.com",
    };

    /// <summary>The command that writes a new extension of <paramref name="tenant"/>, named by the environment it belongs to.</summary>
    protected static ExtensionWrite NewExtensionWrite(Tenant tenant, string? address = null, long? userId = null) =>
        new(tenant.Id, address ?? Unique("Sip") + "@example.com", RecordingMode.Full, DefaultMedia, userId) { Tenant = tenant.Ref };

    protected async Task<Extension> CreateExtensionAsync(ExtensionWrite extension) =>
        AssertOk(await Store.Extensions.CreateAsync(extension, SystemActor, Ct));

    protected Task<Extension> CreateExtensionAsync(Tenant tenant, long? userId = null) =>
        CreateExtensionAsync(NewExtensionWrite(tenant, userId: userId));

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
