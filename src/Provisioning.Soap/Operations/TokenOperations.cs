using Provisioning.Core.Security;
using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Operations;

/// <summary>requestToken and releaseToken.</summary>
internal sealed class TokenOperations(TokenService tokens)
{
    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["requestToken"] = RequestToken;
        ops["releaseToken"] = ReleaseToken;
    }

    private Invocation RequestToken(ElementReader p)
    {
        string? eid = null, login = null, password = null;
        while (p.Next())
        {
            switch (p.Name)
            {
                case "eid": eid = p.Text(); break;
                case "loginName": login = p.Text(); break;
                case "password": password = p.Text(); break;
                default: p.Skip(); break;
            }
        }
        return async (request, ct) => Wire.Reply.Data(await tokens.RequestAsync(eid, login, password, request.ClientAddress, ct), "token", (w, token) => Wire.WireWriting.Text(w, "token", token));
    }

    private Invocation ReleaseToken(ElementReader p)
    {
        var token = Parameters.TokenOnly(p);
        return async (_, ct) => Wire.Reply.Status(await tokens.ReleaseAsync(token, ct));
    }
}
