using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>A bound request, ready to run: authentication, the service call, and the reply.</summary>
public delegate Task<Reply> Invocation(SoapRequest request, CancellationToken cancellationToken);
