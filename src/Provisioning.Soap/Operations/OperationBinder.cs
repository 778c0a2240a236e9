using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Operations;

/// <summary>
/// Reads an operation's parameters (the children of its wrapper element) and returns what to run. A parameter that
/// does not parse throws a Client fault; a missing mandatory parameter is answered before the token is looked at,
/// as the reference does.
/// </summary>
public delegate Invocation OperationBinder(ElementReader parameters);
