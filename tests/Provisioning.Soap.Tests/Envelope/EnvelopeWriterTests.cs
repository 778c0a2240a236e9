using Provisioning.Core.Results;
using Provisioning.Soap.Envelope;
using Provisioning.Soap.Tests.Support;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Tests.Envelope;

/// <summary>Our answers against the bytes the JAX-WS reference implementation wrote.</summary>
public sealed class EnvelopeWriterTests
{
    [Fact]
    public void WriteResponse_StatusOk_IsTheReferenceBytes()
    {
        var bytes = Written.Response("createExtension", Reply.Status(Result.Ok()).WriteReturnContent);

        Assert.Equal(ReferenceBytes.Read("createExtension.ok.response.xml"), bytes);
    }

    [Fact]
    public void WriteResponse_StatusWithMessage_IsTheReferenceBytes()
    {
        Result exists = Failures.ExtensionExists("0000", "verbatestuser2@verbalabs.com");

        var bytes = Written.Response("createExtension", Reply.Status(exists).WriteReturnContent);

        Assert.Equal(ReferenceBytes.Read("createExtension.exists.response.xml"), bytes);
    }

    [Fact]
    public void WriteResponse_StatusBesidePayload_IsTheReferenceBytes()
    {
        var reply = Reply.Data(Result<string>.Ok("Abo4JuFmjeA0YBYulrDUNX2AG17jhyaM"), "token", (w, token) => w.Text("token", token));

        var bytes = Written.Response("requestToken", reply.WriteReturnContent);

        Assert.Equal(ReferenceBytes.Read("requestToken.ok.response.xml"), bytes);
    }

    [Fact]
    public void WriteFault_UnknownOperation_IsTheReferenceBytes()
    {
        var fault = SoapFaultException.NoDispatch(Written.V2, "fooBar");

        var bytes = Written.Fault(fault.Code, fault.Message);

        Assert.Equal(ReferenceBytes.Read("fault.unknown-operation.response.xml"), bytes);
    }

    [Fact]
    public void WriteFault_OperationOfAnotherNamespace_IsTheReferenceBytes()
    {
        var fault = SoapFaultException.NoDispatch(SoapNamespaces.ForVersion(3), "createExtension");

        var bytes = Written.Fault(fault.Code, fault.Message);

        Assert.Equal(ReferenceBytes.Read("fault.other-namespace.response.xml"), bytes);
    }

    [Theory]
    [InlineData(FaultCode.Server, "S:Server")]
    [InlineData(FaultCode.MustUnderstand, "S:MustUnderstand")]
    [InlineData(FaultCode.VersionMismatch, "S:VersionMismatch")]
    public void WriteFault_Code_IsWrittenWithTheEnvelopePrefix(FaultCode code, string expected)
    {
        var text = System.Text.Encoding.UTF8.GetString(Written.Fault(code, "x"));

        Assert.Contains($"<faultcode>{expected}</faultcode>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFault_MarkupInTheMessage_IsEscaped()
    {
        var text = System.Text.Encoding.UTF8.GetString(Written.Fault(FaultCode.Client, "Cannot read a: '<b>&' is not x"));

        Assert.Contains("<faultstring>Cannot read a: '&lt;b&gt;&amp;' is not x</faultstring>", text, StringComparison.Ordinal);
    }
}
