using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Services;

namespace Provisioning.Server.WebConsole.Pages.Groups;

/// <summary>The groups of the environments the caller may see; create one, or delete one that is not the default group.</summary>
public sealed class IndexModel(GroupService groups) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public long? GroupId { get; set; }

    public IReadOnlyList<Group> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await ShowAsync() is { } refused ? Refuse(refused) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var created = await groups.CreateAsync(Caller("createGroup"), new Group { Tenant = new TenantRef(Eid, null), Name = Name }, HttpContext.RequestAborted);
        if (!created.IsOk)
        {
            return await ShowAsync() is { } refused ? Refuse(refused) : Invalid(created.ToFailure(), ("group.name", nameof(Name)), ("name", nameof(Name)), ("environment", nameof(Eid)), ("eid", nameof(Eid)));
        }
        Notice = $"Group {created.Value.Name} created in {Eid}.";
        return Redirect("/console/groups?eid=" + Uri.EscapeDataString(Eid ?? ""));
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var deleted = await groups.DeleteAsync(Caller("deleteGroup"), GroupId, HttpContext.RequestAborted);
        if (!deleted.IsOk)
        {
            return await ShowAsync() is { } refused ? Refuse(refused) : Invalid(deleted.ToFailure());
        }
        Notice = $"Group {GroupId} deleted.";
        return Redirect("/console/groups?eid=" + Uri.EscapeDataString(Eid ?? ""));
    }

    /// <summary>Reads the list to show; Core's refusal when the caller may not see it.</summary>
    private async Task<Failure?> ShowAsync()
    {
        var environment = string.IsNullOrEmpty(Eid) ? null : new TenantFilter(Eid, true, null, null, null);
        var listed = await groups.ListAsync(Caller("listGroups"), new GroupFilter(environment, null, null), HttpContext.RequestAborted);
        if (!listed.IsOk && listed.Outcome != Outcome.NotFound)
        {
            return listed.ToFailure();
        }
        Found = listed.IsOk ? listed.Value : [];
        return null;
    }
}
