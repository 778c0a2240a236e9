using Provisioning.Core.Security;

namespace Provisioning.Core.Tests.Security;

/// <summary>How a caller is named in the audit log: the API's token holder, the console's, the command line's operator.</summary>
public sealed class CallerTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ActorAt_TokenHolderOfTheApi_IsEidAndLogin()
    {
        var actor = new Caller(5, 2, "T001", "admin", false, 9) { Operation = "v3:createExtension" }.ActorAt(At);

        Assert.Equal("T001:admin", actor.Login);
        Assert.Equal(9, actor.TokenId);
    }

    [Fact]
    public void ActorAt_TokenHolderInTheConsole_IsPrefixedWithItsChannel()
    {
        var actor = new Caller(5, 2, "T001", "admin", false, 9) { Channel = "web", Operation = "web:createExtension" }.ActorAt(At);

        Assert.Equal("web:T001:admin", actor.Login);
        Assert.Equal(9, actor.TokenId);
    }

    [Fact]
    public void ActorAt_OperatorAtTheCommandLine_IsItsName()
    {
        var actor = (Caller.Operator("ops") with { Operation = "cli:users add" }).ActorAt(At);

        Assert.Equal("ops", actor.Login);
        Assert.Null(actor.TokenId);
    }
}
