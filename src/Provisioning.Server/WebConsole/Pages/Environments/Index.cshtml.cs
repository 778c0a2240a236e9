using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Services;

namespace Provisioning.Server.WebConsole.Pages.Environments;

/// <summary>The environments the caller may see, with a form to create one (a System Administrator's right, as in the API).</summary>
public sealed class IndexModel(TenantService tenants) : ConsolePage
{
    public IReadOnlyList<Tenant> Environments { get; private set; } = [];

    [BindProperty]
    public string? Eid { get; set; }

    [BindProperty]
    public string? ShortName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var created = await tenants.CreateAsync(Caller("createEnvironment"), new Tenant { Eid = Eid, ShortName = ShortName, DisplayName = DisplayName }, HttpContext.RequestAborted);
        if (!created.IsOk)
        {
            await ShowAsync();
            return Invalid(created.ToFailure(), ("eid", nameof(Eid)), ("shortName", nameof(ShortName)), ("displayName", nameof(DisplayName)));
        }
        Notice = $"Environment {created.Value.Eid} created.";
        return Redirect("/console/environments/edit/" + Uri.EscapeDataString(created.Value.Eid!));
    }

    private async Task<IActionResult> ShowAsync()
    {
        var listed = await tenants.ListAsync(Caller("listEnvironments"), TenantFilter.Any, HttpContext.RequestAborted);
        if (!listed.IsOk && listed.Outcome != Outcome.NotFound)
        {
            return Refuse(listed.ToFailure());
        }
        Environments = listed.IsOk ? listed.Value : [];
        return Page();
    }
}
