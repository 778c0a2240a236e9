using Provisioning.Core.Model;
using Provisioning.Soap.Envelope;
using Provisioning.Soap.Tests.Support;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Tests.Binding;

/// <summary>Simple values: empty means absent, a value that does not parse is a Client fault naming field and value.</summary>
public sealed class ElementReaderValueTests
{
    [Theory]
    [InlineData("<im/>")]
    [InlineData("<im></im>")]
    [InlineData("<im>  </im>")]
    public void Bool_Empty_IsNull(string child)
    {
        Assert.Null(Elements.Child($"<extension>{child}</extension>", r => r.Bool()));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData(" 1 ", true)]
    [InlineData("\n\ttrue\n", true)]
    [InlineData("  0", false)]
    [InlineData("false  ", false)]
    public void Bool_AcceptedSpelling_IsItsValue(string text, bool expected)
    {
        Assert.Equal(expected, Elements.Child($"<extension><im>{text}</im></extension>", r => r.Bool()));
    }

    [Fact]
    public void Bool_Maybe_IsClientFaultNamingFieldAndValue()
    {
        var fault = Elements.Fault("<extension><im>maybe</im></extension>", r => r.Bool());

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.Equal("Cannot read extension.im: 'maybe' is not a boolean (true, false, 1 or 0)", fault.Message);
    }

    [Fact]
    public void Number_X_IsClientFaultNamingFieldAndValue()
    {
        var fault = Elements.Fault("<extension><ondemandMaxRowsInBufferPerUser>x</ondemandMaxRowsInBufferPerUser></extension>", r => r.Number());

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.Contains("extension.ondemandMaxRowsInBufferPerUser", fault.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<id/>")]
    [InlineData("<id></id>")]
    public void Number_Empty_IsNull(string child)
    {
        Assert.Null(Elements.Child($"<extension>{child}</extension>", r => r.Number()));
    }

    [Theory]
    [InlineData(" 42 ", 42)]
    [InlineData("-3", -3)]
    [InlineData("+5", 5)]
    public void Number_Integer_IsItsValue(string text, int expected)
    {
        Assert.Equal(expected, Elements.Child($"<extension><id>{text}</id></extension>", r => r.Number()));
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    public void Number_OutsideXsInt_IsClientFault(string text)
    {
        Assert.Equal(FaultCode.Client, Elements.Fault($"<extension><id>{text}</id></extension>", r => r.Number()).Code);
    }

    [Fact]
    public void Identifier_X_IsClientFaultNamingFieldAndValue()
    {
        var fault = Elements.Fault("<extension><id>x</id></extension>", r => r.Identifier());

        Assert.Equal("Cannot read extension.id: 'x' is not an integer", fault.Message);
    }

    [Fact]
    public void Identifier_BeyondInt_IsItsValue()
    {
        Assert.Equal(3_000_000_000L, Elements.Child("<extension><id>3000000000</id></extension>", r => r.Identifier()));
    }

    [Fact]
    public void Identifier_Empty_IsNull()
    {
        Assert.Null(Elements.Child("<extension><id/></extension>", r => r.Identifier()));
    }

    [Theory]
    [InlineData("2024-01-15T08:30:00Z")]
    [InlineData("2024-01-15T10:30:00+02:00")]
    [InlineData("2024-01-15T03:30:00-05:00")]
    [InlineData("2024-01-15T08:30:00")]
    public void Timestamp_AnyZoneOrNone_IsThatInstantInUtc(string text)
    {
        var expected = new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero);

        var value = Elements.Child($"<user><validFrom>{text}</validFrom></user>", r => r.Timestamp());

        Assert.Equal(expected, value);
        Assert.Equal(TimeSpan.Zero, value?.Offset);
    }

    [Fact]
    public void Timestamp_SubMillisecondDigits_AreCutToMilliseconds()
    {
        var value = Elements.Child("<user><validFrom>2024-01-15T08:30:00.1239Z</validFrom></user>", r => r.Timestamp());

        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 30, 0, 123, TimeSpan.Zero), value);
    }

    [Fact]
    public void Timestamp_Empty_IsNull()
    {
        Assert.Null(Elements.Child("<user><validFrom/></user>", r => r.Timestamp()));
    }

    [Fact]
    public void Timestamp_NotADate_IsClientFaultNamingFieldAndValue()
    {
        var fault = Elements.Fault("<user><validFrom>yesterday</validFrom></user>", r => r.Timestamp());

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.StartsWith("Cannot read extension.validFrom: 'yesterday' is not a date and time", fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("08:30:00")]
    [InlineData("--01-15")]
    [InlineData("---15")]
    public void Timestamp_NotAnXsDateTime_IsClientFault(string text)
    {
        // Known defect: XmlConvert.ToDateTime accepts every XSD date/time form, so a time alone is stored on today's
        // date and a month-day in 1904, instead of the Client fault a value that does not parse gets.
        var fault = Elements.Fault($"<user><validFrom>{text}</validFrom></user>", r => r.Timestamp());

        Assert.Equal(FaultCode.Client, fault.Code);
    }

    [Theory]
    [InlineData("ON_DEMAND", RecordingMode.OnDemand)]
    [InlineData("on_demand", RecordingMode.OnDemand)]
    [InlineData(" Full ", RecordingMode.Full)]
    [InlineData("do_not_record", RecordingMode.DoNotRecord)]
    public void Enum_NameInAnyCase_IsItsValue(string text, RecordingMode expected)
    {
        Assert.Equal(expected, Elements.Child($"<extension><recordingMode>{text}</recordingMode></extension>", r => r.Enum(WireNames.RecordingModes)));
    }

    [Fact]
    public void Enum_Empty_IsNull()
    {
        Assert.Null(Elements.Child("<extension><recordingMode/></extension>", r => r.Enum(WireNames.RecordingModes)));
    }

    [Fact]
    public void Enum_UnknownName_IsClientFaultNamingFieldAndValue()
    {
        var fault = Elements.Fault("<extension><recordingMode>SOMETIMES</recordingMode></extension>", r => r.Enum(WireNames.RecordingModes));

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.StartsWith("Cannot read extension.recordingMode: 'SOMETIMES' is not one of FULL, ON_DEMAND", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadValue_LongValue_IsTruncatedInTheMessage()
    {
        var fault = Elements.Fault($"<extension><im>{new string('y', 300)}</im></extension>", r => r.Bool());

        Assert.Contains($"'{new string('y', 100)}…'", fault.Message, StringComparison.Ordinal);
    }
}
