using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Core.Tests.Results;

/// <summary>The rules about naming an environment: the eid's form, and eid and short name agreeing.</summary>
public sealed class TenantRulesTests
{
    private static readonly Tenant Reference = new() { Id = 1, Eid = "0000", ShortName = "Ref." };

    [Theory]
    [InlineData("0000")]
    [InlineData("aZ09")]
    [InlineData("ABCD")]
    public void Eid_FourLettersOrDigits_Passes(string eid)
    {
        Assert.Null(Rules.Eid(eid, "environment.eid"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Eid_Missing_IsMandatoryNamingTheField(string? eid)
    {
        Assert.Equal("environment.eid is mandatory", Rules.Eid(eid, "environment.eid")?.Message);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("00000")]
    [InlineData("00-0")]
    [InlineData("00 0")]
    [InlineData("000ä")]
    [InlineData("000٣")]
    public void Eid_NotFourLettersOrDigits_NamesTheFieldAndTheValue(string eid)
    {
        var failure = Rules.Eid(eid, "environment.eid");

        Assert.Equal(
            new Failure(Outcome.IllegalArgument, $"environment.eid '{eid}' is not valid: an eid is exactly 4 characters 0-9, A-Z or a-z"),
            failure);
    }

    [Theory]
    [InlineData("0000", null)]
    [InlineData(null, "Ref.")]
    [InlineData("0000", "Ref.")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Agrees_SameOrUnnamedEnvironment_Passes(string? eid, string? shortName)
    {
        Assert.Null(Rules.Agrees(Reference, new TenantRef(eid, shortName), "extension"));
    }

    [Fact]
    public void Agrees_NamesInOtherCase_Passes()
    {
        var tenant = Reference with { Eid = "AbCd" };

        Assert.Null(Rules.Agrees(tenant, new TenantRef("aBcD", "REF."), "extension"));
    }

    [Fact]
    public void Agrees_EidOfAnotherEnvironment_NamesTheFieldAndBothNames()
    {
        var failure = Rules.Agrees(Reference, new TenantRef("0001", "Ref."), "extension");

        Assert.Equal(
            new Failure(Outcome.IllegalArgument, "extension: eid '0001' and environmentShortName 'Ref.' name different environments"),
            failure);
    }

    [Fact]
    public void Agrees_ShortNameOfAnotherEnvironment_Fails()
    {
        var failure = Rules.Agrees(Reference, new TenantRef(null, "Other"), "user");

        Assert.Equal(Outcome.IllegalArgument, failure?.Outcome);
        Assert.StartsWith("user: ", failure?.Message, StringComparison.Ordinal);
    }
}
