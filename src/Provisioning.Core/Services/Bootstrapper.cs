using System.Security.Cryptography;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>
/// First start on an empty database: environment 0000 ("Ref.", "Reference environment") and a System Administrator
/// (id 1) with the given password. A host without a configured password generates one with
/// <see cref="GeneratePassword"/> and hands it over before bootstrap, so it is never created without the host having
/// stored it somewhere the operator can read.
/// </summary>
public sealed class Bootstrapper(IProvisioningStore store, PasswordHasher hasher, TimeProvider time)
{
    public const string ReferenceEid = "0000";

    /// <summary>20 letters and digits without look-alikes (about 116 bits).</summary>
    public static string GeneratePassword() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);

    /// <summary>Whether bootstrap is due: nothing is in the database yet.</summary>
    public async Task<bool> IsDueAsync(CancellationToken cancellationToken) => await store.Tenants.CountAsync(cancellationToken) == 0;

    public async Task<BootstrapResult> RunAsync(string adminLogin, string adminPassword, Caller by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminPassword);
        if (!await IsDueAsync(cancellationToken))
        {
            return new BootstrapResult(Created: false);
        }
        var tenant = await store.Tenants.CreateAsync(
            new Tenant { Eid = ReferenceEid, ShortName = "Ref.", DisplayName = "Reference environment" },
            by.ActorAt(time.GetUtcNow()),
            cancellationToken);
        if (!tenant.IsOk)
        {
            // Another instance bootstrapped the same database first.
            return new BootstrapResult(Created: false);
        }
        var admin = new User
        {
            TenantId = tenant.Value!.Id,
            Tenant = tenant.Value.Ref,
            LoginName = adminLogin,
            DisplayName = "System Administrator",
            UserType = UserType.Verba,
            Roles = [Roles.SystemAdministrator],
        };
        var password = hasher.Hash(PasswordHasher.Md5Hex(adminPassword));
        var write = await store.Users.CreateAsync(new UserWrite(admin, password), by.ActorAt(time.GetUtcNow()), cancellationToken);
        if (!write.IsOk)
        {
            throw new InvalidOperationException($"Bootstrap could not create the administrator '{adminLogin}': {write.Status} {write.Key} {write.Refusal?.Message}");
        }
        return new BootstrapResult(Created: true);
    }
}
