using System.Xml;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>Builds invocations: authenticate the token, call the service, shape the reply.</summary>
public sealed class Calls(SoapServices services)
{
    public SoapServices Services => services;

    public static Invocation Now(Reply reply) => _ => Task.FromResult(reply);

    /// <summary>An operation whose return is the Status.</summary>
    public Invocation Status(string? token, Func<Caller, CancellationToken, Task<Result>> call) => async ct =>
    {
        var caller = await services.Tokens.AuthenticateAsync(token, ct);
        return Reply.Status(caller.IsOk ? await call(caller.Value, ct) : caller.ToFailure());
    };

    /// <summary>An operation whose return holds a status beside the payload named <paramref name="payload"/>.</summary>
    public Invocation Data<T>(string? token, string payload, Func<Caller, CancellationToken, Task<Result<T>>> call, Action<XmlWriter, T> write) => async ct =>
    {
        var caller = await services.Tokens.AuthenticateAsync(token, ct);
        return caller.IsOk
            ? Reply.Data(await call(caller.Value, ct), payload, write)
            : Reply.Data(caller.ToFailure(), payload, null);
    };

    public static Invocation Missing(string parameter) => Now(Reply.Status(Failures.Mandatory(parameter)));

    public static Invocation MissingData(string parameter, string payload) => Now(Reply.Data(Failures.Mandatory(parameter), payload, null));
}
