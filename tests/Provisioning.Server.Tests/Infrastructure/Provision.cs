using System.Globalization;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>Creates the objects tests need through the API itself.</summary>
public static class Provision
{
    public static async Task<long> UserAsync(SoapClient client, string token, string login, string eid = "0000", string? roles = null, string? more = null)
    {
        var answer = await client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>{SoapClient.X(login)}</loginName>{roles}{more}</user>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
        return long.Parse(answer.Return!.Element("user")!.Element("id")!.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>An API user (Administrator of its environment) with a password; returns its token.</summary>
    public static async Task<string> AdministratorTokenAsync(SoapClient client, string adminToken, string eid, string login, string password = "pw")
    {
        await UserAsync(client, adminToken, login, eid, "<roles>Administrator</roles>", $"<passwordHash>{Md5(password)}</passwordHash>");
        return await client.TokenAsync(login, password, eid);
    }

    public static async Task EnvironmentAsync(SoapClient client, string token, string eid, string? shortName = null)
    {
        var answer = await client.CallAsync("createEnvironment", $"<token>{token}</token><environment><eid>{eid}</eid><shortName>{shortName ?? "env-" + eid}</shortName></environment>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
    }

    public static async Task ExtensionAsync(SoapClient client, string token, string address, string eid = "0000", string? more = null)
    {
        var answer = await client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>{SoapClient.X(address)}</extension>{more}</extension>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
    }

    public static async Task<long> GroupAsync(SoapClient client, string token, string eid, string name)
    {
        var answer = await client.CallAsync("createGroup", $"<token>{token}</token><group><eid>{eid}</eid><name>{SoapClient.X(name)}</name></group>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
        return long.Parse(answer.Return!.Element("group")!.Element("id")!.Value, CultureInfo.InvariantCulture);
    }

    public static string Md5(string password) => Core.Security.PasswordHasher.Md5Hex(password);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];
}
