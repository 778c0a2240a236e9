namespace Provisioning.Soap.Operations;

/// <summary>requestToken and releaseToken.</summary>
internal static class TokenOperations
{
    public static void Register(IDictionary<string, OperationBinder> ops, Calls calls)
    {
        var tokens = calls.Services.Tokens;
        ops["requestToken"] = p =>
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
        };
        ops["releaseToken"] = p =>
        {
            var token = Parameters.TokenOnly(p);
            return async (_, ct) => Wire.Reply.Status(await tokens.ReleaseAsync(token, ct));
        };
    }
}
