using System.Xml;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>Builds invocations: authenticate the token, call the service as that caller in this operation (what it changes is audited so), shape the reply.</summary>
public sealed class Calls(SoapServices services)
{
    public SoapServices Services => services;

    public static Invocation Now(Reply reply) => (_, _) => Task.FromResult(reply);

    /// <summary>An operation whose return is the Status.</summary>
    public Invocation Status(string? token, Func<Caller, CancellationToken, Task<Result>> call) => async (request, ct) =>
    {
        var caller = await services.Tokens.AuthenticateAsync(token, ct);
        if (!caller.IsOk)
        {
            return Reply.Status(caller.ToFailure());
        }
        return Reply.Status(await call(caller.Value with { Operation = request.Operation ?? "unknown" }, ct));
    };

    /// <summary>An operation whose return holds a status beside the payload named <paramref name="payload"/>.</summary>
    public Invocation Data<T>(string? token, string payload, Func<Caller, CancellationToken, Task<Result<T>>> call, Action<XmlWriter, T> write) => async (request, ct) =>
    {
        var caller = await services.Tokens.AuthenticateAsync(token, ct);
        if (!caller.IsOk)
        {
            return Reply.Data(caller.ToFailure(), payload, null);
        }
        return Reply.Data(await call(caller.Value with { Operation = request.Operation ?? "unknown" }, ct), payload, write);
    };

    public static Invocation Missing(string parameter) => Now(Reply.Status(Failures.Mandatory(parameter)));

    public static Invocation MissingData(string parameter, string payload) => Now(Reply.Data(Failures.Mandatory(parameter), payload, null));
}
