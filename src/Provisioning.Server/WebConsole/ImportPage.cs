using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Core.Security;
using Provisioning.Hosting;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// An upload of a CSV with the command line's columns: kept in a temporary file, its header checked, then imported by
/// a job whose page the browser is sent to. A missing file or a wrong header is shown next to the file field.
/// </summary>
[RequestSizeLimit(ConsoleSetup.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ConsoleSetup.MaxUploadBytes)]
public abstract class ImportPage : ConsolePage
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    internal async Task<IActionResult> StartAsync(string operation, IReadOnlyList<string> columns, IReadOnlyList<string> required, Func<Caller, string, CsvRecords, string, ImportJob> start)
    {
        var caller = Caller(operation);
        if (Upload is null || Upload.Length == 0)
        {
            return Refused("file is mandatory: choose a CSV file");
        }
        var path = Path.GetTempFileName();
        await using (var copy = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await Upload.CopyToAsync(copy, HttpContext.RequestAborted);
        }
        var csv = CsvRecords.Open(path, columns, required, out var problem);
        if (csv is null)
        {
            System.IO.File.Delete(path);
            return Refused(problem!);
        }
        var job = start(caller, path, csv, Path.GetFileName(Upload.FileName));
        return Redirect("/console/importjob/" + job.Id);
    }

    private PageResult Refused(string message)
    {
        ModelState.AddModelError(nameof(Upload), message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
