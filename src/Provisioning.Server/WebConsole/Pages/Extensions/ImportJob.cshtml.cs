using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Import;
using Provisioning.Core.Results;

namespace Provisioning.Server.WebConsole.Pages.Extensions;

/// <summary>A running or finished import: a progress bar through the file, the counts so far, and the rejected lines with Core's reasons.</summary>
public sealed class ImportJobModel(ImportJobs jobs) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public ImportJob? Job { get; private set; }

    public ImportSummary Summary { get; private set; } = ImportSummary.Empty;

    public long Read { get; private set; }

    public IReadOnlyList<RowReport> Rejected { get; private set; } = [];

    public bool Finished => Job!.Finished;

    public string? Error => Job!.Error;

    public string FileName => Job!.FileName;

    public long Length => Job!.Length;

    public IActionResult OnGet()
    {
        if (!Load())
        {
            return Refuse(Failures.NotFound("No import with this id was started by you"));
        }
        return Page();
    }

    /// <summary>What console.js polls while the job runs.</summary>
    public IActionResult OnGetStatus()
    {
        if (!Load())
        {
            return NotFound();
        }
        return new JsonResult(new { read = Read, total = Length, finished = Finished, text = Text });
    }

    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"{(Finished ? "Finished" : "Importing")}: {Summary.Rows} rows: {Summary.Created} created, {Summary.Updated} updated, {Summary.Unchanged} unchanged, {Summary.Rejected} rejected.");

    private bool Load()
    {
        Job = jobs.Find(Id, Caller("importExtensions"));
        if (Job is null)
        {
            return false;
        }
        (Summary, Read, Rejected) = Job.Snapshot();
        return true;
    }
}
