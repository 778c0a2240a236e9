using Microsoft.AspNetCore.Mvc;
using Provisioning.Core.Model;
using Provisioning.Core.Operator;

namespace Provisioning.Server.WebConsole.Pages.Tokens;

/// <summary>Tokens as the operator's command line lists them (never their value), in the order issued, each revocable.</summary>
public sealed class IndexModel(TokenAdministration tokens) : ConsolePage
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public string? Eid { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Login { get; set; }

    [BindProperty]
    public long TokenId { get; set; }

    public IReadOnlyList<TokenListing> Listed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var listed = await tokens.ListAsync(Caller("listTokens"), new TenantRef(Eid, null), Login, Shown, HttpContext.RequestAborted);
        if (!listed.IsOk)
        {
            return string.IsNullOrEmpty(Login) ? Refuse(listed.ToFailure()) : Invalid(listed.ToFailure(), ("loginName", nameof(Login)), ("environment", nameof(Eid)));
        }
        Listed = listed.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        var revoked = await tokens.RevokeAsync(Caller("revokeToken"), TokenId, HttpContext.RequestAborted);
        if (!revoked.IsOk)
        {
            return Refuse(revoked.ToFailure());
        }
        Notice = $"Token {TokenId} revoked.";
        return Redirect("/console/tokens");
    }
}
