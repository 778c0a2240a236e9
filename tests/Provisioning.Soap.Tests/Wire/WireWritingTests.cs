using Provisioning.Soap.Tests.Support;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Tests.Wire;

public sealed class WireWritingTests
{
    [Fact]
    public void Text_Empty_IsWrittenAsStartAndEndTag()
    {
        Assert.Equal("<agentId></agentId>", Written.ReturnContent(w => w.Text("agentId", string.Empty)));
    }

    [Fact]
    public void Text_Null_IsLeftOut()
    {
        Assert.Equal(string.Empty, Written.ReturnContent(w => w.Text("agentId", null)));
    }

    [Theory]
    [InlineData(true, "<locked>true</locked>")]
    [InlineData(false, "<locked>false</locked>")]
    public void Bool_Value_IsTrueOrFalse(bool value, string expected)
    {
        Assert.Equal(expected, Written.ReturnContent(w => w.Bool("locked", value)));
    }

    [Fact]
    public void Bool_Null_IsLeftOut()
    {
        Assert.Equal(string.Empty, Written.ReturnContent(w => w.Bool("locked", null)));
    }

    [Theory]
    [InlineData(0L, "<id>0</id>")]
    [InlineData(-7L, "<id>-7</id>")]
    [InlineData(long.MaxValue, "<id>9223372036854775807</id>")]
    public void Number_Value_IsInvariantDigits(long value, string expected)
    {
        Assert.Equal(expected, Written.ReturnContent(w => w.Number("id", value)));
    }

    [Fact]
    public void Time_WholeSecondWithOffset_IsUtcWithZAndNoFraction()
    {
        var time = new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.FromHours(2));

        Assert.Equal("<validFrom>2024-01-15T08:30:00Z</validFrom>", Written.ReturnContent(w => w.Time("validFrom", time)));
    }

    [Fact]
    public void Time_WithMilliseconds_WritesThem()
    {
        var time = new DateTimeOffset(2024, 1, 15, 8, 30, 0, 123, TimeSpan.Zero);

        Assert.Equal("<validFrom>2024-01-15T08:30:00.123Z</validFrom>", Written.ReturnContent(w => w.Time("validFrom", time)));
    }

    [Fact]
    public void Time_MillisecondsWithTrailingZero_KeepsThreeDigitsAsJaxb()
    {
        var time = new DateTimeOffset(2024, 1, 15, 8, 30, 0, 120, TimeSpan.Zero);

        Assert.Equal("<validFrom>2024-01-15T08:30:00.120Z</validFrom>", Written.ReturnContent(w => w.Time("validFrom", time)));
    }

    [Fact]
    public void Time_Null_IsLeftOut()
    {
        Assert.Equal(string.Empty, Written.ReturnContent(w => w.Time("validFrom", null)));
    }

    [Fact]
    public void Text_MarkupCharacters_AreEscaped()
    {
        Assert.Equal("<name>a &amp; b &lt;c&gt;</name>", Written.ReturnContent(w => w.Text("name", "a & b <c>")));
    }

    [Fact]
    public void Text_QuotesAndApostrophes_AreWrittenAsTheyAre()
    {
        Assert.Equal("<name>\"O'Neil\"</name>", Written.ReturnContent(w => w.Text("name", "\"O'Neil\"")));
    }

    [Fact]
    public void Text_NonAscii_IsWrittenAsUtf8NotAsCharacterReferences()
    {
        Assert.Equal("<name>Müller 東京 😀</name>", Written.ReturnContent(w => w.Text("name", "Müller 東京 😀")));
    }

    [Fact]
    public void Texts_List_IsRepeatedElementsWithoutWrapper()
    {
        Assert.Equal("<roles>user</roles><roles>supervisor</roles>", Written.ReturnContent(w => w.Texts("roles", ["user", "supervisor"])));
    }

    [Fact]
    public void Element_EmptyContent_IsNotSelfClosed()
    {
        Assert.Equal("<user></user>", Written.ReturnContent(w => w.Element("user", _ => { })));
    }
}
