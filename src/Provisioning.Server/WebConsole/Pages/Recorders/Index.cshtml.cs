using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Recorders;

namespace Provisioning.Server.WebConsole.Pages.Recorders;

/// <summary>
/// The recorders with the revision each applied beside the current one and its last contact; "apply configuration" runs
/// applyExtensionConfiguration's <see cref="ConfigurationApplier"/> and shows what became of each recorder.
/// </summary>
public sealed class IndexModel(RecorderService recorders, ConfigurationApplier applier) : ConsolePage
{
    public IReadOnlyList<RecorderStatus> Listed { get; private set; } = [];

    public IReadOnlyList<ApplyStatus>? Applied { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool Force { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var listed = await recorders.ListAsync(Caller("listRecorders"), HttpContext.RequestAborted);
        if (!listed.IsOk)
        {
            return Refuse(listed.ToFailure());
        }
        Listed = listed.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync()
    {
        var targets = string.IsNullOrEmpty(Name) ? [] : new[] { new ApplyTarget(null, Name) };
        var applied = await applier.ApplyAsync(Caller("applyExtensionConfiguration"), targets, returnSuccessful: true, Force, HttpContext.RequestAborted);
        if (!applied.IsOk)
        {
            return Refuse(applied.ToFailure());
        }
        Applied = applied.Value;
        return await OnGetAsync();
    }
}
