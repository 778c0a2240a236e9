using Provisioning.Core.Results;
using Provisioning.Soap.Operations;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.V3;

/// <summary>API version 3 at http://v3.provisioning.ws.web.verba.com/: every v2 operation, the v3 Extension, deleteExtension and getVersion.</summary>
public static class V3Endpoint
{
    public const int Version = 3;

    public static SoapEndpoint Create(SoapServices services)
    {
        var calls = new Calls(services);
        var dialect = V3ExtensionDialect.Instance;
        var ops = new Dictionary<string, OperationBinder>(StringComparer.Ordinal);
        TokenOperations.Register(ops, calls);
        EnvironmentOperations.Register(ops, calls);
        UserOperations.Register(ops, calls, dialect);
        ExtensionOperations.Register(ops, calls, dialect);
        ExtensionOperations.RegisterDelete(ops, calls, dialect);
        GroupOperations.Register(ops, calls, dialect);
        ops["getVersion"] = p =>
        {
            var token = Parameters.TokenOnly(p);
            return calls.Data(token, "version", (_, _) => Task.FromResult(Result<int>.Ok(Version)), (w, v) => w.Number("version", v));
        };
        return new SoapEndpoint(Version, ops, WsdlDocument.ForVersion(Version), services.Time, services.Limits);
    }
}
