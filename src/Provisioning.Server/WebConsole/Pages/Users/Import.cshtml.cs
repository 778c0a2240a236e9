using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Import;

namespace Provisioning.Server.WebConsole.Pages.Users;

/// <summary>
/// Upload a CSV of users with their extensions (the columns of `provisioning import users`); Core's user importer
/// creates or updates each row as createUser or updateUser would while the browser follows the job's page.
/// </summary>
public sealed class ImportModel(ImportJobs jobs) : ImportPage
{
    public static string Columns => string.Join(",", UserRecord.Columns);

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() =>
        StartAsync("importUsers", UserRecord.Columns, UserRecord.RequiredColumns, jobs.StartUsers);
}
