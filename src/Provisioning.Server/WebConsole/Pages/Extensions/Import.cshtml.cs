using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Import;

namespace Provisioning.Server.WebConsole.Pages.Extensions;

/// <summary>
/// Upload a CSV of extensions (the command line's columns); Core's importer checks and writes it in batches while the
/// browser follows the job's page.
/// </summary>
public sealed class ImportModel(ImportJobs jobs) : ImportPage
{
    public static string Columns => string.Join(",", ExtensionRecord.Columns);

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        StartAsync("importExtensions", ExtensionRecord.Columns, ExtensionRecord.RequiredColumns, jobs.StartExtensions);
}
