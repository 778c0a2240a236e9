using Provisioning.Core.Results;

namespace Provisioning.Core.Tests.Results;

/// <summary>The wordings the vendor documentation shows; clients match on them, so they are kept exactly.</summary>
public sealed class FailuresTests
{
    [Fact]
    public void TokenInvalid_Always_IsTheDocumentedUnauthorizedWording()
    {
        Assert.Equal(new Failure(Outcome.Unauthorized, "This token is expired or never got authenticated."), Failures.TokenInvalid);
    }

    [Fact]
    public void LoginFailed_Always_IsTheDocumentedGeneralWording()
    {
        Assert.Equal(new Failure(Outcome.General, "com.verba.web.user.UserNotFoundException"), Failures.LoginFailed);
    }

    [Fact]
    public void DefaultGroupNotDeletable_Always_IsTheDocumentedIllegalArgumentWording()
    {
        Assert.Equal(
            new Failure(Outcome.IllegalArgument, "This is the default group and so it can not be deleted."),
            Failures.DefaultGroupNotDeletable);
    }

    [Fact]
    public void ExtensionExists_EidAndAddress_IsTheDocumentedWording()
    {
        Assert.Equal(
            new Failure(Outcome.AlreadyExists, "This extension already exists in the database: 0000:a@b"),
            Failures.ExtensionExists("0000", "a@b"));
    }

    [Fact]
    public void PermissionDenied_Always_IsUnauthorized()
    {
        Assert.Equal(new Failure(Outcome.Unauthorized, "Permission denied."), Failures.PermissionDenied);
    }

    [Fact]
    public void TooManyResults_Limit_NamesTheLimit()
    {
        var failure = Failures.TooManyResults(10000);

        Assert.Equal(Outcome.TooManyResults, failure.Outcome);
        Assert.Contains("10000", failure.Message, StringComparison.Ordinal);
    }
}
