using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Server.WebConsole.Pages.Extensions;

/// <summary>
/// Search extensions by environment, address substring, user and mode, a page at a time by key (the last id shown), so
/// the next page is as quick among a million rows as the first.
/// </summary>
public sealed class IndexModel(ExtensionService extensions, UserService users) : ConsolePage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Address { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Login { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    public IReadOnlyList<Extension> Found { get; private set; } = [];

    public long? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = Caller("listExtensions");
        var ct = HttpContext.RequestAborted;
        RecordingMode? mode = null;
        if (!string.IsNullOrEmpty(Mode))
        {
            if (!RecordingModeNames.ByName.TryGetValue(Mode, out var named))
            {
                return Invalid(Failures.Invalid("recordingMode", Mode, "one of " + RecordingModeNames.Allowed), ("recordingMode", nameof(Mode)));
            }
            mode = named;
        }
        long? userId = null;
        if (!string.IsNullOrEmpty(Login))
        {
            if (string.IsNullOrEmpty(Eid))
            {
                return Invalid(Failures.Illegal("eid is mandatory to find a user by login"), ("eid", nameof(Eid)));
            }
            // By login exactly, without the user's extensions (which may be the hundred thousand this page lists).
            var filter = new UserFilter { Environment = new TenantFilter(Eid, true, null, null, null), LoginName = Login, LoginNameExact = true, SkipExtensions = true, SkipGroups = true, SkipRoles = true };
            var user = await users.ListAsync(caller, filter, ct);
            if (!user.IsOk)
            {
                return user.Outcome == Outcome.NotFound ? Page() : Invalid(user.ToFailure(), ("loginName", nameof(Login)), ("eid", nameof(Eid)));
            }
            userId = user.Value.Users[0].Id;
        }
        var environment = string.IsNullOrEmpty(Eid) ? null : new TenantFilter(Eid, true, null, null, null);
        var criteria = new ExtensionQuery(null, TextMatch.From(Address, false), userId) { Mode = mode };
        var page = await extensions.SearchAsync(caller, environment, criteria, After, PageSize + 1, ct);
        if (!page.IsOk)
        {
            return Refuse(page.ToFailure());
        }
        Found = page.Value.Take(PageSize).ToArray();
        Next = page.Value.Count > PageSize ? Found[^1].Id : null;
        return Page();
    }

    /// <summary>The query string of this search, on another page.</summary>
    public string QueryFor(long? after)
    {
        var parts = new List<string>();
        Add(parts, "eid", Eid);
        Add(parts, "address", Address);
        Add(parts, "login", Login);
        Add(parts, "mode", Mode);
        Add(parts, "after", after?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
