using System.Text;
using Provisioning.Soap.Envelope;
using Provisioning.Soap.Tests.Support;

namespace Provisioning.Soap.Tests.Envelope;

public sealed class EnvelopeReaderTests
{
    private const string MalformedPrefix = "Couldn't create SOAP message due to exception: XML reader error: ";
    private const string Operation = "<v2:createExtension><token>t</token></v2:createExtension>";

    [Theory]
    [InlineData("soapenv")]
    [InlineData("S")]
    [InlineData("SOAP-ENV")]
    [InlineData("e")]
    public void ReadToOperation_AnyEnvelopePrefix_FindsTheOperation(string prefix)
    {
        var xml = $"<{prefix}:Envelope xmlns:{prefix}=\"{Envelopes.Soap11}\"><{prefix}:Body>"
            + $"<ns:createExtension xmlns:ns=\"{Written.V2}\"/></{prefix}:Body></{prefix}:Envelope>";

        Assert.Equal((Written.V2, "createExtension"), Envelopes.ReadToOperation(xml));
    }

    [Fact]
    public void ReadToOperation_EnvelopeInTheDefaultNamespace_FindsTheOperation()
    {
        var xml = $"<Envelope xmlns=\"{Envelopes.Soap11}\"><Body><createExtension xmlns=\"{Written.V2}\"/></Body></Envelope>";

        Assert.Equal((Written.V2, "createExtension"), Envelopes.ReadToOperation(xml));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<soapenv:Header/>")]
    [InlineData("<soapenv:Header></soapenv:Header>")]
    [InlineData("<soapenv:Header><x:Trace xmlns:x=\"urn:x\">1</x:Trace></soapenv:Header>")]
    [InlineData("<soapenv:Header><x:Trace xmlns:x=\"urn:x\" soapenv:mustUnderstand=\"0\"/></soapenv:Header>")]
    public void ReadToOperation_NoOrIgnorableHeader_FindsTheOperation(string header)
    {
        Assert.Equal((Written.V2, "createExtension"), Envelopes.ReadToOperation(Envelopes.Request(Operation, header)));
    }

    [Fact]
    public void ReadToOperation_WhitespaceAndCommentsAround_FindsTheOperation()
    {
        var xml = $"<?xml version=\"1.0\"?>\n<!-- c -->\n<soapenv:Envelope xmlns:soapenv=\"{Envelopes.Soap11}\">\n  <soapenv:Body>\n"
            + $"    <!-- c -->\n    <v2:getExtension xmlns:v2=\"{Written.V2}\"/>\n  </soapenv:Body>\n</soapenv:Envelope>\n";

        Assert.Equal((Written.V2, "getExtension"), Envelopes.ReadToOperation(xml));
    }

    [Fact]
    public void ReadToOperation_Soap12Envelope_IsVersionMismatchWithTheReferenceText()
    {
        var xml = $"<env:Envelope xmlns:env=\"{SoapNamespaces.Soap12}\" xmlns:v2=\"{Written.V2}\"><env:Body>{Operation}</env:Body></env:Envelope>";

        var fault = Envelopes.Fault(xml);

        Assert.Equal(FaultCode.VersionMismatch, fault.Code);
        Assert.Equal(
            "Couldn't create SOAP message. Expecting Envelope in namespace http://schemas.xmlsoap.org/soap/envelope/, but got http://www.w3.org/2003/05/soap-envelope ",
            fault.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void ReadToOperation_MustUnderstandHeader_IsMustUnderstandFaultNamingIt(string value)
    {
        var header = $"<soapenv:Header><wsse:Security xmlns:wsse=\"urn:sec\" soapenv:mustUnderstand=\"{value}\"/></soapenv:Header>";

        var fault = Envelopes.Fault(Envelopes.Request(Operation, header));

        Assert.Equal(FaultCode.MustUnderstand, fault.Code);
        Assert.Equal("MustUnderstand headers:[{urn:sec}Security] are not understood", fault.Message);
    }

    [Fact]
    public void ReadToOperation_TwoMustUnderstandHeaders_NamesBoth()
    {
        var header = "<soapenv:Header><a:One xmlns:a=\"urn:a\" soapenv:mustUnderstand=\"1\"/><Two soapenv:mustUnderstand=\"1\"/></soapenv:Header>";

        var fault = Envelopes.Fault(Envelopes.Request(Operation, header));

        Assert.Equal("MustUnderstand headers:[{urn:a}One, Two] are not understood", fault.Message);
    }

    [Fact]
    public void ReadToOperation_MustUnderstandWithoutTheSoapNamespace_IsIgnored()
    {
        var header = "<soapenv:Header><a:One xmlns:a=\"urn:a\" mustUnderstand=\"1\"/></soapenv:Header>";

        Assert.Equal((Written.V2, "createExtension"), Envelopes.ReadToOperation(Envelopes.Request(Operation, header)));
    }

    [Theory]
    [InlineData("<createExtension/>")]
    [InlineData("<soapenv:Body xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>")]
    [InlineData("<soapenv:Envelope xmlns:soapenv=\"urn:not-soap\"><soapenv:Body/></soapenv:Envelope>")]
    public void ReadToOperation_RootIsNotASoap11Envelope_IsClientFault(string xml)
    {
        var fault = Envelopes.Fault(xml);

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.StartsWith(MalformedPrefix, fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>")]
    [InlineData("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"></soapenv:Envelope>")]
    [InlineData("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header/></soapenv:Envelope>")]
    [InlineData("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body/></soapenv:Envelope>")]
    public void ReadToOperation_EnvelopeWithoutBody_IsClientFault(string xml)
    {
        var fault = Envelopes.Fault(xml);

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.StartsWith(MalformedPrefix, fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<soapenv:Body/>")]
    [InlineData("<soapenv:Body></soapenv:Body>")]
    [InlineData("<soapenv:Body> text only </soapenv:Body>")]
    public void ReadToOperation_EmptyBody_IsNoDispatchWithoutAName(string body)
    {
        var xml = $"<soapenv:Envelope xmlns:soapenv=\"{Envelopes.Soap11}\">{body}</soapenv:Envelope>";

        var fault = Envelopes.Fault(xml);

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.Equal("Cannot find dispatch method for {}", fault.Message);
    }

    [Fact]
    public void HasDoctype_Utf8_IsTrue()
    {
        Assert.True(EnvelopeReader.HasDoctype(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>")));
    }

    [Fact]
    public void HasDoctype_Utf16LittleEndian_IsTrue()
    {
        Assert.True(EnvelopeReader.HasDoctype(Encoding.Unicode.GetBytes("<!DOCTYPE x><x/>")));
    }

    [Fact]
    public void HasDoctype_Utf16BigEndian_IsTrue()
    {
        Assert.True(EnvelopeReader.HasDoctype(Encoding.BigEndianUnicode.GetBytes("<x/><!DOCTYPE x>")));
    }

    [Fact]
    public void HasDoctype_OrdinaryEnvelope_IsFalse()
    {
        Assert.False(EnvelopeReader.HasDoctype(Encoding.UTF8.GetBytes(Envelopes.Request(Operation))));
    }

    [Fact]
    public void HasDoctype_OrdinaryEnvelopeInUtf16_IsFalse()
    {
        Assert.False(EnvelopeReader.HasDoctype(Encoding.Unicode.GetBytes(Envelopes.Request(Operation))));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", "utf-8", true)]
    [InlineData("<?xml version='1.0' encoding='UTF-8'?><a/>", "utf-8", true)]
    [InlineData("<a/>", "utf-8+bom", true)]
    [InlineData("<a/>", "utf-16", true)]
    [InlineData("<a/>", "utf-16-nobom", true)]
    [InlineData("<?xml version=\"1.0\"?><a/>", "utf-8", false)]
    [InlineData("<a/>", "utf-8", false)]
    [InlineData("<a>encoding</a>", "utf-8", false)]
    public void NamesItsEncoding_BomUtf16OrDeclaredEncoding_IsTrue(string xml, string form, bool expected)
    {
        byte[] bytes = form switch
        {
            "utf-8+bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(xml)],
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)],
            "utf-16-nobom" => Encoding.BigEndianUnicode.GetBytes(xml),
            _ => Encoding.UTF8.GetBytes(xml),
        };

        Assert.Equal(expected, EnvelopeReader.NamesItsEncoding(bytes));
    }

    [Fact]
    public void Create_Latin1CharsetAndNoDeclaration_DecodesByTheCharset()
    {
        var bytes = Encoding.Latin1.GetBytes("<a>Zoë</a>");

        using var reader = EnvelopeReader.Create(bytes, Encoding.Latin1);

        reader.MoveToContent();
        Assert.Equal("Zoë", reader.ReadElementContentAsString());
    }
}
