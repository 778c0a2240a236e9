using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Import;
using Provisioning.Core.Results;

namespace Provisioning.Server.WebConsole.Pages;

/// <summary>A running or finished import: a progress bar through the file, the counts so far, and the rejected lines with Core's reasons.</summary>
public sealed class ImportJobModel(ImportJobs jobs) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public ImportJob? Job { get; private set; }

    /// <summary>The job as it was at one moment: everything the page shows comes from this one snapshot.</summary>
    public ImportJobState State { get; private set; } = new(ImportSummary.Empty, 0, [], false, null);

    public ImportSummary Summary => State.Summary;

    public long Read => State.Read;

    public IReadOnlyList<RowReport> Rejected => State.Rejected;

    public bool Finished => State.Finished;

    public string? Error => State.Error;

    public string FileName => Job!.FileName;

    public long Length => Job!.Length;

    /// <summary>The page of what was imported: extensions or users.</summary>
    public string Kind => Job!.Kind;

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
        $"{Stage}: {Summary.Rows} rows: {Summary.Created} created, {Summary.Updated} updated, {Summary.Unchanged} unchanged, {Summary.Rejected} rejected.");

    /// <summary>An import the server's stop cut short says so: its counts alone look like a file that had fewer rows.</summary>
    private string Stage => State switch
    {
        { Interrupted: true } => "Interrupted (the server was stopping; import the file again to complete it)",
        { Finished: true } => "Finished",
        _ => "Importing",
    };

    private bool Load()
    {
        Job = jobs.Find(Id, Caller("import"));
        if (Job is null)
        {
            return false;
        }
        State = Job.Snapshot();
        return true;
    }
}
