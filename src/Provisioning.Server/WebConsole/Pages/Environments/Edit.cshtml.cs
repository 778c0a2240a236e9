using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Core.Model;
using Provisioning.Core.Services;

namespace Provisioning.Server.WebConsole.Pages.Environments;

/// <summary>One environment: its names and state, changed or deleted under updateEnvironment's and deleteEnvironment's rules.</summary>
public sealed class EditModel(TenantService tenants) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string Eid { get; set; } = "";

    public Tenant? Environment { get; private set; }

    [BindProperty]
    public string? ShortName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public bool Inactive { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var found = await tenants.GetByEidAsync(Caller("getEnvironment"), Eid, HttpContext.RequestAborted);
        if (!found.IsOk)
        {
            return Refuse(found.ToFailure());
        }
        Environment = found.Value;
        (ShortName, DisplayName, Inactive) = (found.Value.ShortName, found.Value.DisplayName, found.Value.Inactive);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var found = await tenants.GetByEidAsync(Caller("getEnvironment"), Eid, HttpContext.RequestAborted);
        if (!found.IsOk)
        {
            return Refuse(found.ToFailure());
        }
        Environment = found.Value;
        var changed = found.Value with { ShortName = ShortName, DisplayName = DisplayName, Inactive = Inactive };
        var updated = await tenants.UpdateAsync(Caller("updateEnvironment"), changed, HttpContext.RequestAborted);
        if (!updated.IsOk)
        {
            return Invalid(updated.ToFailure(), ("shortName", nameof(ShortName)), ("displayName", nameof(DisplayName)));
        }
        Notice = $"Environment {Eid} saved.";
        return Redirect("/console/environments/edit/" + Uri.EscapeDataString(Eid));
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var deleted = await tenants.DeleteAsync(Caller("deleteEnvironment"), Eid, HttpContext.RequestAborted);
        if (!deleted.IsOk)
        {
            return await OnGetAsync() is PageResult ? Invalid(deleted.ToFailure()) : Refuse(deleted.ToFailure());
        }
        Notice = $"Environment {Eid} deleted.";
        return Redirect("/console/environments");
    }
}
