using Provisioning.Soap.Operations;

namespace Provisioning.Soap.V3;

/// <summary>API version 3 at http://v3.provisioning.ws.web.verba.com/: every v2 operation, the v3 Extension, deleteExtension, getVersion and getStatistics.</summary>
public static class V3Endpoint
{
    public const int Version = 3;

    public static SoapEndpoint Create(SoapServices services)
    {
        var calls = new Calls(services);
        var dialect = V3ExtensionDialect.Instance;
        var ops = new Dictionary<string, OperationBinder>(StringComparer.Ordinal);
        new TokenOperations(services.Tokens).Register(ops);
        new EnvironmentOperations(calls).Register(ops);
        new UserOperations(calls, dialect).Register(ops);
        var extensions = new ExtensionOperations(calls, dialect);
        extensions.Register(ops);
        extensions.RegisterDelete(ops);
        new GroupOperations(calls, dialect).Register(ops);
        new RecorderOperations(calls).Register(ops);
        new VersionOperations(calls, Version).Register(ops);
        new StorageOperations(calls).Register(ops);
        new StatisticsOperations(calls).Register(ops);
        return new SoapEndpoint(Version, ops, WsdlDocument.ForVersion(Version), services.Time, services.Limits);
    }
}
