namespace Provisioning.Server.Tests.Clients.Wcf;

internal static class V2
{
    public const string Namespace = "http://v2.provisioning.ws.web.verba.com/";
}

internal static class V3
{
    public const string Namespace = "http://v3.provisioning.ws.web.verba.com/";
}
