using Provisioning.Soap.Operations;

namespace Provisioning.Soap.V2;

/// <summary>API version 2 at http://v2.provisioning.ws.web.verba.com/.</summary>
public static class V2Endpoint
{
    public static SoapEndpoint Create(SoapServices services)
    {
        var calls = new Calls(services);
        var ops = new Dictionary<string, OperationBinder>(StringComparer.Ordinal);
        TokenOperations.Register(ops, calls);
        EnvironmentOperations.Register(ops, calls);
        UserOperations.Register(ops, calls, V2ExtensionDialect.Instance);
        ExtensionOperations.Register(ops, calls, V2ExtensionDialect.Instance);
        GroupOperations.Register(ops, calls, V2ExtensionDialect.Instance);
        return new SoapEndpoint(2, ops, WsdlDocument.ForVersion(2), services.Time, services.Limits);
    }
}
