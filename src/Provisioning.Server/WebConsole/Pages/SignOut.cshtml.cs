using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Security;

namespace Provisioning.Server.WebConsole.Pages;

/// <summary>Signing out releases the token behind the cookie, as releaseToken does, so a copied cookie is worth nothing after.</summary>
public sealed class SignOutModel(TokenService tokens) : ConsolePage
{
    public IActionResult OnGet() => Redirect(ConsoleSetup.PathPrefix + "/");

    public async Task<IActionResult> OnPostAsync()
    {
        await tokens.ReleaseAsync(ConsoleSession.TokenOf(User), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(ConsoleSetup.Scheme);
        return Redirect(ConsoleSetup.PathPrefix + "/signin");
    }
}
