using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Services;

namespace Provisioning.Server.WebConsole.Pages.Extensions;

/// <summary>Creates an extension, or edits or deletes one by id, through createExtension's, updateExtension's and deleteExtension's rules.</summary>
public sealed class EditModel(ExtensionService extensions, UserService users) : ConsolePage
{
    private static readonly (string, string)[] Fields =
        [("extension.extensionId", nameof(Address)), ("environment", nameof(Eid)), ("eid", nameof(Eid)), ("loginName", nameof(Login)), ("user", nameof(Login))];

    [BindProperty(SupportsGet = true)]
    public long? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string Mode { get; set; } = "FULL";

    [BindProperty]
    public string[] Media { get; set; } = [];

    [BindProperty]
    public string? Login { get; set; }

    public Extension? Stored { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            Media = ["voice"];
            return Page();
        }
        var found = await extensions.GetByIdAsync(Caller("getExtension"), Id.Value, "extension.id", HttpContext.RequestAborted);
        if (!found.IsOk)
        {
            return Refuse(found.ToFailure());
        }
        Stored = found.Value;
        (Eid, Address, Mode, Login) = (Stored.Tenant.Eid, Stored.Address, RecordingModeNames.Of(Stored.Mode), Stored.User?.LoginName);
        Media = MediaText.Modalities.Where(m => Stored.Media.Has(m.Modality)).Select(m => m.Name).ToArray();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var stored = RecordedMedia.None;
        if (Id is { } id)
        {
            var found = await extensions.GetByIdAsync(Caller("getExtension"), id, "extension.id", ct);
            if (!found.IsOk)
            {
                return Refuse(found.ToFailure());
            }
            (Stored, stored, Eid) = (found.Value, found.Value.Media, found.Value.Tenant.Eid);
        }
        if (!RecordingModeNames.ByName.TryGetValue(Mode, out var mode))
        {
            return Invalid(Failures.Invalid("recordingMode", Mode, "one of " + RecordingModeNames.Allowed), ("recordingMode", nameof(Mode)));
        }
        User? user = null;
        if (!string.IsNullOrEmpty(Login))
        {
            var named = await users.GetByLoginAsync(Caller("getUser"), Login, new TenantRef(Eid, null), ct);
            if (!named.IsOk)
            {
                return Invalid(named.ToFailure(), Fields);
            }
            user = new User { Id = named.Value.Id };
        }
        var input = new Extension { Id = Id, Tenant = new TenantRef(Eid, null), Address = Address, Mode = mode, User = user };
        var media = MediaChange.Exactly(MediaText.Apply(stored, Media));
        var written = Id is null
            ? await extensions.CreateAsync(Caller("createExtension"), input, media, ExtensionFields.V3, ct)
            : await extensions.UpdateAsync(Caller("updateExtension"), input, media, ExtensionFields.V3, ct);
        if (!written.IsOk)
        {
            return Invalid(written.ToFailure(), Fields);
        }
        Notice = $"Extension {Address} saved in {Eid}.";
        return Redirect("/console/extensions?eid=" + Uri.EscapeDataString(Eid ?? "") + "&address=" + Uri.EscapeDataString(Address ?? ""));
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is null)
        {
            return Refuse(Failures.Mandatory("extension.id"));
        }
        var deleted = await extensions.DeleteAsync(Caller("deleteExtension"), new Extension { Id = Id }, ExtensionFields.V3, HttpContext.RequestAborted);
        if (!deleted.IsOk)
        {
            return Refuse(deleted.ToFailure());
        }
        Notice = $"Extension {Id} deleted.";
        return Redirect("/console/extensions");
    }
}
