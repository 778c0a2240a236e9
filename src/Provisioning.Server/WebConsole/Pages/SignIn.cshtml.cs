using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Server.Http;

namespace Provisioning.Server.WebConsole.Pages;

/// <summary>
/// Signs in through requestToken's own path (<see cref="TokenService.RequestAsync"/>): the same credentials, roles,
/// lockout per login and client address, and the same message for a wrong password as for an unknown login.
/// </summary>
public sealed class SignInModel(TokenService tokens, TrustedProxies proxies) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var client = TrustedProxies.ThrottleKey(proxies.ClientAddress(HttpContext));
        var token = await tokens.RequestAsync(Eid, Login, Password, client, HttpContext.RequestAborted);
        Password = null;
        if (!token.IsOk)
        {
            // The API's message, as requestToken answers it; the form says what it means besides.
            var message = token.Message == Failures.LoginFailed.Message
                ? $"Sign-in refused ({token.Message}): the environment, login or password is wrong, or too many attempts failed."
                : token.Message!;
            ModelState.AddModelError(string.Empty, message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await HttpContext.SignInAsync(ConsoleSetup.Scheme, ConsoleSession.Principal(token.Value, Eid!, Login!));
        return LocalRedirect(ReturnUrl is { } url && url.StartsWith(ConsoleSetup.PathPrefix + "/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) ? url : ConsoleSetup.PathPrefix + "/");
    }
}
