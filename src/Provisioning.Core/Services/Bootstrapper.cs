using System.Security.Cryptography;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>
/// First start on an empty database: environment 0000 ("Ref.", "Reference environment") and a System Administrator
/// (id 1). Returns the generated password when none was configured, for the caller to show once; null otherwise.
/// </summary>
public sealed class Bootstrapper(IProvisioningStore store, PasswordHasher hasher)
{
    public const string ReferenceEid = "0000";

    public async Task<BootstrapResult> RunAsync(string adminLogin, string? adminPassword, CancellationToken cancellationToken)
    {
        if (await store.Tenants.CountAsync(cancellationToken) > 0)
        {
            return new BootstrapResult(Created: false, GeneratedPassword: null);
        }
        var generated = string.IsNullOrEmpty(adminPassword) ? RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20) : null;
        var tenant = await store.Tenants.CreateAsync(
            new Tenant { Eid = ReferenceEid, ShortName = "Ref.", DisplayName = "Reference environment" },
            cancellationToken);
        if (!tenant.IsOk)
        {
            // Another instance bootstrapped the same database first.
            return new BootstrapResult(Created: false, GeneratedPassword: null);
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
        var password = hasher.Hash(PasswordHasher.Md5Hex(adminPassword is { Length: > 0 } ? adminPassword : generated!));
        var write = await store.Users.CreateAsync(new UserWrite(admin, password), cancellationToken);
        if (!write.IsOk)
        {
            throw new InvalidOperationException($"Bootstrap could not create the administrator '{adminLogin}': {write.Status} {write.Detail}");
        }
        return new BootstrapResult(Created: true, GeneratedPassword: generated);
    }
}
