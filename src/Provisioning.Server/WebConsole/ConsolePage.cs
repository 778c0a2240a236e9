using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Core.Results;
using Provisioning.Core.Security;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// What every console page shares: the signed-in caller (its writes audited as "web:{operation}"), and the answer to an
/// outcome Core refused — beside the form field its message names, or as the page itself with the matching status.
/// </summary>
public abstract class ConsolePage : PageModel
{
    /// <summary>Set after a change: shown once on the page the browser is sent to.</summary>
    [TempData]
    public string? Notice { get; set; }

    internal Caller Caller(string operation) => ConsoleSession.CallerOf(HttpContext, operation);

    internal bool IsSystemAdministrator => Caller("read").IsSystemAdministrator;

    /// <summary>The page is replaced by Core's message, with 403 for "Permission denied.", 404 for what is not there, else 400.</summary>
    internal IActionResult Refuse(Failure failure)
    {
        Response.StatusCode = failure.Outcome switch
        {
            Outcome.Unauthorized => StatusCodes.Status403Forbidden,
            Outcome.NotFound => StatusCodes.Status404NotFound,
            _ when failure.Message.EndsWith("does not exist", StringComparison.Ordinal) => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        ViewData["Title"] = Response.StatusCode == StatusCodes.Status403Forbidden ? "Not allowed" : "Not found";
        return Partial("_Problem", failure.Message);
    }

    /// <summary>
    /// Puts Core's message next to the form field it names (the API's field names, "extension.extensionId", mapped by
    /// <paramref name="fields"/> to the form's), or above the form when it names none; the form is shown again.
    /// </summary>
    internal IActionResult Invalid(Failure failure, params (string ApiName, string FormField)[] fields)
    {
        if (failure.Outcome == Outcome.Unauthorized)
        {
            return Refuse(failure);
        }
        var field = fields.Where(f => failure.Message.Contains(f.ApiName, StringComparison.Ordinal)).OrderByDescending(f => f.ApiName.Length).FirstOrDefault();
        ModelState.AddModelError(field.FormField ?? string.Empty, failure.Message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
