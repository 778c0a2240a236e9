using Provisioning.Core.Results;
using Provisioning.Soap.Envelope;

namespace Provisioning.Soap;

/// <summary>How a request ended: the HTTP status, the operation (when one was found) and its status or fault code.</summary>
public readonly record struct SoapOutcome(int HttpStatus, string? Operation, FaultCode? Fault, Outcome? Status = null);
