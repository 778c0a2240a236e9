using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Import;
using Provisioning.Core.Model;
using Provisioning.Core.Services;

namespace Provisioning.Server.WebConsole.Pages.Extensions;

/// <summary>Every extension the caller may see (of one environment when named), as a CSV that import reads back, streamed a page at a time.</summary>
public sealed class ExportModel(ExtensionService extensions) : ConsolePage
{
    private const int Batch = 10_000;

    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = Caller("exportExtensions");
        var ct = HttpContext.RequestAborted;
        var environment = string.IsNullOrEmpty(Eid) ? null : new TenantFilter(Eid, true, null, null, null);
        var first = await extensions.PageAsync(caller, environment, null, Batch, ct);
        if (!first.IsOk)
        {
            return Refuse(first.ToFailure());
        }
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"extensions{(string.IsNullOrEmpty(Eid) ? "" : "-" + Eid)}.csv\"";
        await using var writer = CsvWriter.Create(Response.Body, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        writer.WriteHeader([.. ExtensionRecord.Columns]);
        var page = first.Value;
        while (page.Count > 0)
        {
            foreach (var extension in page)
            {
                writer.WriteRecord(ExtensionRecord.From(extension).Fields()!);
            }
            await writer.FlushAsync(ct);
            var next = await extensions.PageAsync(caller, environment, page[^1].Id, Batch, ct);
            page = next.IsOk ? next.Value : [];
        }
        return new EmptyResult();
    }
}
