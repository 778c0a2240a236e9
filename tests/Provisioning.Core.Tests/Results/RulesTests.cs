using Provisioning.Core.Results;

namespace Provisioning.Core.Tests.Results;

public sealed class RulesTests
{
    private static readonly DateTimeOffset Day = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Required_NoText_IsMandatoryNamingTheField(string? value)
    {
        var failure = Rules.Required(value, "loginName");

        Assert.Equal(new Failure(Outcome.IllegalArgument, "loginName is mandatory"), failure);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("a")]
    public void Required_AnyText_Passes(string value)
    {
        Assert.Null(Rules.Required(value, "loginName"));
    }

    [Fact]
    public void Required_NullNumber_IsMandatoryNamingTheField()
    {
        var failure = Rules.Required((long?)null, "userId");

        Assert.Equal(new Failure(Outcome.IllegalArgument, "userId is mandatory"), failure);
    }

    [Fact]
    public void Required_Number_Passes()
    {
        Assert.Null(Rules.Required((long?)0, "userId"));
    }

    [Fact]
    public void MaxLength_AtTheLimit_Passes()
    {
        Assert.Null(Rules.MaxLength(new string('x', 64), "displayName", 64));
    }

    [Fact]
    public void MaxLength_OverTheLimit_NamesTheFieldTheLengthAndTheLimit()
    {
        var failure = Rules.MaxLength(new string('x', 65), "displayName", 64);

        Assert.Equal(
            new Failure(Outcome.IllegalArgument, "displayName is too long: 65 characters, at most 64 are allowed"),
            failure);
    }

    [Fact]
    public void MaxLength_Null_Passes()
    {
        Assert.Null(Rules.MaxLength(null, "displayName", 0));
    }

    [Fact]
    public void RequiredText_Empty_IsMandatory()
    {
        Assert.Equal("name is mandatory", Rules.RequiredText(string.Empty, "name", 64)?.Message);
    }

    [Fact]
    public void RequiredText_TooLong_IsTooLong()
    {
        var failure = Rules.RequiredText("abcde", "name", 4);

        Assert.Equal(Outcome.IllegalArgument, failure?.Outcome);
        Assert.StartsWith("name is too long: 5 characters", failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredText_WithinLimit_Passes()
    {
        Assert.Null(Rules.RequiredText("abcd", "name", 4));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-3L, "-3")]
    public void Positive_ZeroOrLess_NamesTheFieldAndTheValue(long value, string written)
    {
        var failure = Rules.Positive(value, "user.id");

        Assert.Equal(new Failure(Outcome.IllegalArgument, $"user.id '{written}' is not valid: must be a positive id"), failure);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(null)]
    public void Positive_PositiveOrAbsent_Passes(long? value)
    {
        Assert.Null(Rules.Positive(value, "user.id"));
    }

    [Fact]
    public void NotNegative_Negative_NamesTheField()
    {
        Assert.Equal("archiveAtAgeHours '-1' is not valid: must not be negative", Rules.NotNegative(-1, "archiveAtAgeHours")?.Message);
    }

    [Fact]
    public void Period_EndBeforeStart_NamesBothFields()
    {
        var failure = Rules.Period(Day, Day.AddTicks(-1), "validFrom", "validTo");

        Assert.Equal(new Failure(Outcome.IllegalArgument, "validTo must not be before validFrom"), failure);
    }

    [Fact]
    public void Period_EndEqualsStart_Passes()
    {
        Assert.Null(Rules.Period(Day, Day, "validFrom", "validTo"));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Period_OpenEnded_Passes(bool hasFrom, bool hasTo)
    {
        DateTimeOffset? from = hasFrom ? Day : null;
        DateTimeOffset? to = hasTo ? Day.AddYears(-1) : null;

        Assert.Null(Rules.Period(from, to, "validFrom", "validTo"));
    }
}
