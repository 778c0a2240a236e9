using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Server.WebConsole.Pages.Audit;

/// <summary>
/// The audit log, newest first, filtered by environment, entity, actor login and time, a page at a time by id. An
/// Administrator reads its own environment's entries only: naming another is "Permission denied.", as in the API.
/// </summary>
public sealed class IndexModel(IProvisioningStore store) : ConsolePage
{
    public const int PageSize = 50;

    public static IReadOnlyList<string> Entities { get; } =
        [AuditChange.Environment, AuditChange.User, AuditChange.Group, AuditChange.Extension, AuditChange.Recorder, AuditChange.StorageFolder, AuditChange.StoragePolicy];

    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Login { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = Caller("listAudit");
        if (!caller.IsSystemAdministrator)
        {
            if (!string.IsNullOrEmpty(Eid) && Keys.Fold(Eid) != Keys.Fold(caller.Eid))
            {
                return Refuse(Failures.PermissionDenied);
            }
            Eid = caller.Eid;
        }
        if (!string.IsNullOrEmpty(Entity) && !Entities.Contains(Entity, StringComparer.Ordinal))
        {
            return Invalid(Failures.Invalid("entity", Entity, "one of " + string.Join(", ", Entities)), ("entity", nameof(Entity)));
        }
        var query = new AuditQuery(Eid: string.IsNullOrEmpty(Eid) ? null : Eid, Since: Utc(From), Entity: string.IsNullOrEmpty(Entity) ? null : Entity)
        {
            Login = string.IsNullOrEmpty(Login) ? null : Login,
            Until = Utc(To),
            BeforeId = Before,
            NewestFirst = true,
            CutValuesAt = ShownCharacters,
        };
        var page = await store.Audit.ListAsync(query, PageSize + 1, HttpContext.RequestAborted);
        Entries = page.Take(PageSize).ToArray();
        Next = page.Count > PageSize ? Entries[^1].Id : null;
        return Page();
    }

    /// <summary>The query string of these filters, on another page.</summary>
    public string QueryFor(long? before)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("eid", Eid);
        Add("entity", Entity);
        Add("login", Login);
        Add("from", From?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        Add("before", before?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    /// <summary>
    /// A value as the table shows it: an import's entry lists every key of its batch, so values are read cut to
    /// <see cref="ShownCharacters"/> and one more, and a cut one says so (`provisioning audit export` writes them whole).
    /// </summary>
    public static string? Shorten(string? json) =>
        json is { Length: > ShownCharacters } ? json[..ShownCharacters] + "… (cut; provisioning audit export writes it whole)" : json;

    public const int ShownCharacters = 400;

    public static string Local(DateTime? value) => value?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The form's times are UTC, as the log shows them.</summary>
    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
