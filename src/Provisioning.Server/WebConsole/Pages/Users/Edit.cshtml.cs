using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Model;
using Provisioning.Core.Operator;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;

namespace Provisioning.Server.WebConsole.Pages.Users;

/// <summary>Creates a user, or edits (names, roles, lock, password) or deletes one, under createUser's, updateUser's and deleteUser's rules.</summary>
public sealed class EditModel(UserService users, UserAccounts accounts) : ConsolePage
{
    public static IReadOnlyList<string> KnownRoles { get; } = [Roles.Administrator, Roles.SystemAdministrator];

    private static readonly (string, string)[] Fields =
        [("loginName", nameof(LoginName)), ("user.loginName", nameof(LoginName)), ("password", nameof(Password)), ("displayName", nameof(DisplayName)),
         ("email", nameof(Email)), ("environment", nameof(Eid)), ("eid", nameof(Eid)), ("roles", nameof(UserRoles)), ("System Administrator", nameof(UserRoles))];

    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    [BindProperty]
    public string? LoginName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string[] UserRoles { get; set; } = [];

    [BindProperty]
    public bool Locked { get; set; }

    public User? Stored { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            UserRoles = [Roles.Administrator];
            return Page();
        }
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }
        (Eid, LoginName, DisplayName, Email, Locked) = (Stored!.Tenant.Eid, Stored.LoginName, Stored.DisplayName, Stored.Email, Stored.Locked == true);
        UserRoles = [.. Stored.Roles];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var passwordMd5 = string.IsNullOrEmpty(Password) ? null : PasswordHasher.Md5Hex(Password);
        Password = null;
        Result<User> written;
        if (Id is null)
        {
            var input = new User { Tenant = new TenantRef(Eid, null), LoginName = LoginName, DisplayName = DisplayName, Email = Email, Locked = Locked, Roles = UserRoles };
            written = await users.CreateAsync(Caller("createUser"), input, passwordMd5, ct);
        }
        else
        {
            if (await LoadAsync() is { } refused)
            {
                return refused;
            }
            (Eid, LoginName) = (Stored!.Tenant.Eid, Stored.LoginName);
            written = await accounts.ModifyAsync(
                Caller("updateUser"),
                Stored.Tenant,
                Stored.LoginName,
                u => u with { DisplayName = DisplayName, Email = Email, Locked = Locked, Roles = UserRoles },
                passwordMd5,
                ct);
        }
        if (!written.IsOk)
        {
            return Invalid(written.ToFailure(), Fields);
        }
        Notice = $"User {written.Value.LoginName} saved in {Eid}.";
        return Redirect($"/console/users/edit/{written.Value.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var deleted = await users.DeleteAsync(Caller("deleteUser"), Id, HttpContext.RequestAborted);
        if (!deleted.IsOk)
        {
            if (await LoadAsync() is { } refused)
            {
                return refused;
            }
            (Eid, LoginName, DisplayName, Email, Locked) = (Stored!.Tenant.Eid, Stored.LoginName, Stored.DisplayName, Stored.Email, Stored.Locked == true);
            UserRoles = [.. Stored.Roles];
            return Invalid(deleted.ToFailure());
        }
        Notice = $"User {Id} deleted.";
        return Redirect("/console/users");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var listed = await users.ListAsync(Caller("getUser"), new UserFilter { UserId = Id, SkipExtensions = true }, HttpContext.RequestAborted);
        if (!listed.IsOk || listed.Value.Users is not [var user])
        {
            return Refuse(listed.IsOk ? Failures.NotFound($"No user with id {Id}") : listed.ToFailure());
        }
        Stored = user;
        return null;
    }
}
