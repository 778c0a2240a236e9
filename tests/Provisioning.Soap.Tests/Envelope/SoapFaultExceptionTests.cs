using Provisioning.Soap.Envelope;

namespace Provisioning.Soap.Tests.Envelope;

public sealed class SoapFaultExceptionTests
{
    [Fact]
    public void QualifiedName_WithNamespace_IsJavaQNameForm()
    {
        Assert.Equal("{urn:x}local", SoapFaultException.QualifiedName("urn:x", "local"));
    }

    [Fact]
    public void QualifiedName_WithoutNamespace_IsTheLocalName()
    {
        Assert.Equal("local", SoapFaultException.QualifiedName(string.Empty, "local"));
    }

    [Fact]
    public void Truncate_HundredCharacters_IsUnchanged()
    {
        var value = new string('x', 100);

        Assert.Equal(value, SoapFaultException.Truncate(value));
    }

    [Fact]
    public void Truncate_Longer_KeepsAHundredAndAddsAnEllipsis()
    {
        Assert.Equal(new string('x', 100) + "…", SoapFaultException.Truncate(new string('x', 101)));
    }

    [Fact]
    public void Malformed_Reason_HasTheReferencePrefix()
    {
        var fault = SoapFaultException.Malformed("why");

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.Equal("Couldn't create SOAP message due to exception: XML reader error: why", fault.Message);
    }
}
