using System.Xml.Linq;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>v3 getStatistics: the counts of the environments a caller may see, in the shape the v3 XSD documents.</summary>
public sealed class StatisticsOperationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task GetStatistics_Administrator_OnlyItsEnvironmentWithEveryCount()
    {
        var (eid, token) = await shared.TenantAsync();
        var (other, otherToken) = await shared.TenantAsync();
        var user = await Provision.UserAsync(shared.Client, token, "counted", eid);
        await Provision.ExtensionAsync(shared.Client, token, "full@stats", eid, $"<user><id>{user}</id></user>");
        await Provision.ExtensionAsync(shared.Client, token, "demand@stats", eid, "<recordingMode>ON_DEMAND</recordingMode>");
        await Provision.ExtensionAsync(shared.Client, otherToken, "elsewhere@stats", other);
        await Provision.GroupAsync(shared.Client, token, eid, "Counted");

        var answer = await shared.Server.Client(3).CallAsync("getStatistics", $"<token>{token}</token>");

        Assert.Equal("OK", answer.StatusCode);
        var environment = Assert.Single(answer.Return!.Elements("environments"));
        Assert.Equal(
            $"<environments><eid>{eid}</eid><environmentShortName>env-{eid}</environmentShortName><extensions>2</extensions>"
            + "<extensionsByRecordingMode><count>1</count><recordingMode>FULL</recordingMode></extensionsByRecordingMode>"
            + "<extensionsByRecordingMode><count>1</count><recordingMode>ON_DEMAND</recordingMode></extensionsByRecordingMode>"
            + "<extensionsByRecordingMode><count>0</count><recordingMode>CONTROLLED</recordingMode></extensionsByRecordingMode>"
            + "<extensionsByRecordingMode><count>0</count><recordingMode>CONTROLLED_AUTO_START</recordingMode></extensionsByRecordingMode>"
            + "<extensionsByRecordingMode><count>0</count><recordingMode>DO_NOT_RECORD</recordingMode></extensionsByRecordingMode>"
            + "<groups>2</groups><liveTokens>1</liveTokens><recorders>0</recorders><users>2</users></environments>",
            environment.ToString(SaveOptions.DisableFormatting));
    }

    [Fact]
    public async Task GetStatistics_SystemAdministrator_EveryEnvironmentAndReleasedTokensNotLive()
    {
        var (eid, token) = await shared.TenantAsync();
        await shared.Client.CallAsync("releaseToken", $"<token>{token}</token>");

        var answer = await shared.Server.Client(3).CallAsync("getStatistics", $"<token>{await shared.AdminTokenAsync()}</token>");

        var environments = answer.Return!.Elements("environments").ToList();
        Assert.Contains(environments, e => e.Element("eid")!.Value == "0000");
        Assert.Equal("0", environments.Single(e => e.Element("eid")!.Value == eid).Element("liveTokens")!.Value);
    }

    [Fact]
    public async Task GetStatistics_OnV2_NoDispatch()
    {
        var answer = await shared.Client.CallAsync("getStatistics", $"<token>{await shared.AdminTokenAsync()}</token>");

        Assert.Equal(("S:Client", "Cannot find dispatch method for {http://v2.provisioning.ws.web.verba.com/}getStatistics"), (answer.FaultCode, answer.FaultString));
    }
}
