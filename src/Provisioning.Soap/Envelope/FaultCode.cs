namespace Provisioning.Soap.Envelope;

/// <summary>The SOAP 1.1 fault codes this service sends, written with the envelope prefix (S:Client).</summary>
public enum FaultCode
{
    Client,
    Server,
    MustUnderstand,
    VersionMismatch,
}
