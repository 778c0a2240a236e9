using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Provisioning.Core.Security;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// A console sign-in is a token issued by <see cref="TokenService.RequestAsync"/> (same credentials, rights and lockout
/// as requestToken), kept in the encrypted HttpOnly cookie and never shown. Every request authenticates that token as
/// the API would, so a revoked or idle token, a locked user or a removed role signs the console out at once.
/// </summary>
internal sealed class ConsoleSession(TokenService tokens) : CookieAuthenticationEvents
{
    private const string TokenClaim = "provisioning-token";
    private static readonly object CallerKey = new();

    public static ClaimsPrincipal Principal(string token, string eid, string login) =>
        new(new ClaimsIdentity([new Claim(TokenClaim, token), new Claim(ClaimTypes.Name, $"{eid}:{login}")], ConsoleSetup.Scheme));

    /// <summary>The signed-in caller of this request; its writes are audited as actor "web:eid:login" and operation "web:…".</summary>
    public static Caller CallerOf(HttpContext context, string operation) =>
        ((Caller?)context.Items[CallerKey] ?? throw new InvalidOperationException("The console page ran without a signed-in caller.")) with { Channel = "web", Operation = "web:" + operation };

    public static string? TokenOf(ClaimsPrincipal user) => user.FindFirst(TokenClaim)?.Value;

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var caller = await tokens.AuthenticateAsync(TokenOf(context.Principal!), context.HttpContext.RequestAborted);
        if (!caller.IsOk)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleSetup.Scheme);
            return;
        }
        context.HttpContext.Items[CallerKey] = caller.Value;
    }

    /// <summary>Pages answer 401 to scripts (fetch) instead of a redirect to the sign-in page they could not follow.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        return base.RedirectToLogin(context);
    }

    /// <summary>A caller the rules refuse hears 403; the console never sends a signed-in operator back to the sign-in page.</summary>
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
