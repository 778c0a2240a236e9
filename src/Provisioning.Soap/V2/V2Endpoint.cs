using Provisioning.Soap.Operations;

namespace Provisioning.Soap.V2;

/// <summary>API version 2 at http://v2.provisioning.ws.web.verba.com/.</summary>
public static class V2Endpoint
{
    public static SoapEndpoint Create(SoapServices services)
    {
        var calls = new Calls(services);
        var dialect = V2ExtensionDialect.Instance;
        var ops = new Dictionary<string, OperationBinder>(StringComparer.Ordinal);
        new TokenOperations(services.Tokens).Register(ops);
        new EnvironmentOperations(calls).Register(ops);
        new UserOperations(calls, dialect).Register(ops);
        new ExtensionOperations(calls, dialect).Register(ops);
        new GroupOperations(calls, dialect).Register(ops);
        new RecorderOperations(calls).Register(ops);
        new StorageOperations(calls).Register(ops);
        return new SoapEndpoint(2, ops, WsdlDocument.ForVersion(2), services.Time, services.Limits);
    }
}
