using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Model;
using Provisioning.Core.Operator;
using Provisioning.Core.Results;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Server.WebConsole.Pages.Users;

/// <summary>Users with their roles, lock and groups: a page at a time by key, or those whose login contains the search text.</summary>
public sealed class IndexModel(UserAccounts accounts, UserService users) : ConsolePage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Login { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    public IReadOnlyList<User> Found { get; private set; } = [];

    public long? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = Caller("listUsers");
        var ct = HttpContext.RequestAborted;
        var environment = string.IsNullOrEmpty(Eid) ? null : new TenantFilter(Eid, true, null, null, null);
        if (!string.IsNullOrEmpty(Login))
        {
            var listed = await users.ListAsync(caller, new UserFilter { Environment = environment, LoginName = Login, LoginNameExact = false, SkipExtensions = true }, ct);
            if (!listed.IsOk && listed.Outcome != Outcome.NotFound)
            {
                return listed.Outcome == Outcome.Unauthorized ? Refuse(listed.ToFailure()) : Invalid(listed.ToFailure(), ("loginName", nameof(Login)));
            }
            Found = listed.IsOk ? listed.Value.Users : [];
            return Page();
        }
        // A user's extensions may be a hundred thousand: the list shows roles, lock and groups only.
        var page = await accounts.PageAsync(caller, environment, After, PageSize + 1, UserParts.WithoutExtensions, ct);
        if (!page.IsOk)
        {
            return Refuse(page.ToFailure());
        }
        Found = page.Value.Take(PageSize).ToArray();
        Next = page.Value.Count > PageSize ? Found[^1].Id : null;
        return Page();
    }

    public string NextQuery => "?" + (string.IsNullOrEmpty(Eid) ? "" : "eid=" + Uri.EscapeDataString(Eid) + "&") + "after=" + Next?.ToString(CultureInfo.InvariantCulture);
}
