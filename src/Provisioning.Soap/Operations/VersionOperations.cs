using Provisioning.Core.Results;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>getVersion, which v3 added: answers <paramref name="version"/> to an authenticated caller.</summary>
internal sealed class VersionOperations(Calls calls, int version)
{
    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["getVersion"] = GetVersion;
    }

    private Invocation GetVersion(ElementReader p)
    {
        var token = Parameters.TokenOnly(p);
        return calls.Data(token, "version", (_, _) => Task.FromResult(Result<int>.Ok(version)), (w, v) => w.Number("version", v));
    }
}
