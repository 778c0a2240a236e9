using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Import;
using Provisioning.Hosting;

namespace Provisioning.Server.WebConsole.Pages.Extensions;

/// <summary>
/// Upload a CSV of extensions (the command line's columns); Core's importer checks and writes it in batches while the
/// browser follows the job's page.
/// </summary>
[RequestSizeLimit(ConsoleSetup.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ConsoleSetup.MaxUploadBytes)]
public sealed class ImportModel(ImportJobs jobs) : ConsolePage
{
    public static string Columns => string.Join(",", ExtensionRecord.Columns);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var caller = Caller("importExtensions");
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "file is mandatory: choose a CSV file");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var path = Path.GetTempFileName();
        await using (var copy = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await Upload.CopyToAsync(copy, HttpContext.RequestAborted);
        }
        var csv = CsvRecords.Open(path, ExtensionRecord.Columns, ExtensionRecord.RequiredColumns, out var problem);
        if (csv is null)
        {
            System.IO.File.Delete(path);
            ModelState.AddModelError(nameof(Upload), problem!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var job = jobs.Start(caller, path, csv, Path.GetFileName(Upload.FileName));
        return Redirect("/console/extensions/importjob/" + job.Id);
    }
}
