using Microsoft.Extensions.Time.Testing;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>requestToken and releaseToken, expiry (on a fake clock), lockout and the rights a token needs.</summary>
public sealed class TokenOperationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
    private TestServer _server = null!;
    private SoapClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(time: _time);
        _client = _server.Client();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("<loginName>admin</loginName><password>x</password>", "eid is mandatory")]
    [InlineData("<eid>0000</eid><password>x</password>", "loginName is mandatory")]
    [InlineData("<eid>0000</eid><loginName>admin</loginName>", "password is mandatory")]
    public async Task RequestToken_MissingField_IllegalArgument(string children, string message)
    {
        var answer = await _client.CallAsync("requestToken", children);

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", message), (answer.StatusCode, answer.Message));
    }

    [Theory]
    [InlineData("0000", "nobody", TestServer.AdminPassword)]
    [InlineData("9999", TestServer.AdminLogin, TestServer.AdminPassword)]
    [InlineData("0000", TestServer.AdminLogin, "wrong")]
    public async Task RequestToken_UnknownOrWrong_SameGeneralErrorWithoutToken(string eid, string login, string password)
    {
        var answer = await _client.CallAsync("requestToken", $"<eid>{eid}</eid><loginName>{login}</loginName><password>{password}</password>");

        Assert.Equal(("ERROR_GENERAL", "com.verba.web.user.UserNotFoundException"), (answer.StatusCode, answer.Message));
        Assert.Null(answer.Value("token"));
    }

    [Fact]
    public async Task RequestToken_LoginIgnoresCase_Ok()
    {
        var answer = await _client.CallAsync("requestToken", $"<eid>0000</eid><loginName>ADMIN</loginName><password>{TestServer.AdminPassword}</password>");

        Assert.Equal("OK", answer.StatusCode);
    }

    [Theory]
    [InlineData("<roles>Supervisor</roles>")]
    [InlineData("<roles>Administrator</roles><locked>1</locked>")]
    [InlineData("<roles>Administrator</roles><validTo>2026-01-01T00:00:00Z</validTo>")]
    [InlineData("<roles>Administrator</roles><validFrom>2026-02-01T00:00:00Z</validFrom>")]
    public async Task RequestToken_UserWithoutRights_PermissionDenied(string more)
    {
        var admin = await _client.TokenAsync();
        await Provision.UserAsync(_client, admin, "limited", more: more + $"<passwordHash>{Provision.Md5("pw")}</passwordHash>");

        var answer = await _client.CallAsync("requestToken", "<eid>0000</eid><loginName>limited</loginName><password>pw</password>");

        Assert.Equal(("ERROR_UNAUTHORIZED", "Permission denied."), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task RequestToken_FiveFailures_LockedOutEvenWithRightPasswordFor15Minutes()
    {
        for (var i = 0; i < 5; i++)
        {
            await _client.CallAsync("requestToken", "<eid>0000</eid><loginName>admin</loginName><password>wrong</password>");
        }

        var locked = await _client.CallAsync("requestToken", $"<eid>0000</eid><loginName>admin</loginName><password>{TestServer.AdminPassword}</password>");
        _time.Advance(TimeSpan.FromMinutes(15));
        var afterwards = await _client.CallAsync("requestToken", $"<eid>0000</eid><loginName>admin</loginName><password>{TestServer.AdminPassword}</password>");

        Assert.Equal("ERROR_GENERAL", locked.StatusCode);
        Assert.Equal("OK", afterwards.StatusCode);
    }

    [Fact]
    public async Task RequestToken_FourFailures_StillLetsTheRightPasswordIn()
    {
        for (var i = 0; i < 4; i++)
        {
            await _client.CallAsync("requestToken", "<eid>0000</eid><loginName>admin</loginName><password>wrong</password>");
        }

        Assert.Equal("OK", (await _client.CallAsync("requestToken", $"<eid>0000</eid><loginName>admin</loginName><password>{TestServer.AdminPassword}</password>")).StatusCode);
    }

    [Fact]
    public async Task Token_IdleForAnHour_Expires()
    {
        var token = await _client.TokenAsync();
        _time.Advance(TimeSpan.FromMinutes(61));

        var answer = await CallWithAsync(token);

        Assert.Equal(("ERROR_UNAUTHORIZED", "This token is expired or never got authenticated."), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task Token_UsedWithinEachHour_StaysValidUntilMaxLifetime()
    {
        var token = await _client.TokenAsync();
        for (var hour = 0; hour < 24; hour++)
        {
            _time.Advance(TimeSpan.FromMinutes(59));
            Assert.Equal("OK", (await CallWithAsync(token)).StatusCode);
        }
        _time.Advance(TimeSpan.FromMinutes(59));

        Assert.Equal("ERROR_UNAUTHORIZED", (await CallWithAsync(token)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<token></token>")]
    [InlineData("<token>short</token>")]
    [InlineData("<token>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</token>")]
    public async Task Operation_MissingOrUnknownToken_Unauthorized(string token)
    {
        var answer = await _client.CallAsync("getEnvironmentByEid", token + "<eid>0000</eid>");

        Assert.Equal(("ERROR_UNAUTHORIZED", "This token is expired or never got authenticated."), (answer.StatusCode, answer.Message));
        Assert.Null(answer.Return!.Element("environment"));
    }

    [Fact]
    public async Task ReleaseToken_Released_NoLongerWorks()
    {
        var token = await _client.TokenAsync();

        Assert.Equal("OK", (await _client.CallAsync("releaseToken", $"<token>{token}</token>")).StatusCode);

        Assert.Equal("ERROR_UNAUTHORIZED", (await CallWithAsync(token)).StatusCode);
    }

    [Fact]
    public async Task Token_OfDeletedUser_Unauthorized()
    {
        var admin = await _client.TokenAsync();
        var id = await Provision.UserAsync(_client, admin, "shortlived", roles: "<roles>Administrator</roles>", more: $"<passwordHash>{Provision.Md5("pw")}</passwordHash>");
        var token = await _client.TokenAsync("shortlived", "pw");

        await _client.CallAsync("deleteUser", $"<token>{admin}</token><userId>{id}</userId>");

        Assert.Equal("ERROR_UNAUTHORIZED", (await CallWithAsync(token)).StatusCode);
    }

    [Fact]
    public async Task Token_UserLockedAfterIssue_PermissionDenied()
    {
        var admin = await _client.TokenAsync();
        await Provision.UserAsync(_client, admin, "tobelocked", roles: "<roles>Administrator</roles>", more: $"<passwordHash>{Provision.Md5("pw")}</passwordHash>");
        var token = await _client.TokenAsync("tobelocked", "pw");

        var update = await _client.CallAsync("updateUser", $"<token>{admin}</token><user><eid>0000</eid><loginName>tobelocked</loginName><roles>Administrator</roles><locked>1</locked></user>");

        Assert.Equal("OK", update.StatusCode);
        Assert.Equal(("ERROR_UNAUTHORIZED", "Permission denied."), ((await CallWithAsync(token)).StatusCode, (await CallWithAsync(token)).Message));
    }

    private Task<SoapAnswer> CallWithAsync(string token) => _client.CallAsync("getEnvironmentByEid", $"<token>{token}</token><eid>0000</eid>");
}
