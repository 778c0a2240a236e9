using System.Xml;
using Provisioning.Core.Results;

namespace Provisioning.Soap.Wire;

/// <summary>
/// What an operation answers inside its return element. Operations that only report success return the Status itself;
/// operations that return data put a status element beside the payload, in property order, the payload only on OK.
/// </summary>
public sealed class Reply
{
    private readonly Outcome _outcome;
    private readonly string? _message;
    private readonly string? _payloadName;
    private readonly Action<XmlWriter>? _payload;

    private Reply(Outcome outcome, string? message, string? payloadName, Action<XmlWriter>? payload)
    {
        _outcome = outcome;
        _message = message;
        _payloadName = payloadName;
        _payload = payload;
    }

    public Outcome Outcome => _outcome;

    /// <summary>return is the Status: message and statusCode.</summary>
    public static Reply Status(Result result) => new(result.Outcome, result.Message, null, null);

    /// <summary>return holds status and, when OK, the payload elements that <paramref name="payload"/> writes.</summary>
    public static Reply Data(Result result, string payloadName, Action<XmlWriter>? payload) =>
        new(result.Outcome, result.Message, payloadName, result.IsOk ? payload : null);

    public static Reply Data<T>(Result<T> result, string payloadName, Action<XmlWriter, T> payload) =>
        Data(result.ToResult(), payloadName, result.IsOk ? w => payload(w, result.Value) : null);

    /// <summary>The failure answer of an operation of the same shape as this one.</summary>
    public Reply Fail(Failure failure) => new(failure.Outcome, failure.Message, _payloadName, null);

    public void WriteReturnContent(XmlWriter w)
    {
        if (_payloadName is null)
        {
            WriteStatusContent(w);
            return;
        }
        var payloadFirst = JaxbOrder.Instance.Compare(_payloadName, "status") < 0;
        if (payloadFirst)
        {
            _payload?.Invoke(w);
        }
        w.Element("status", WriteStatusContent);
        if (!payloadFirst)
        {
            _payload?.Invoke(w);
        }
    }

    private void WriteStatusContent(XmlWriter w)
    {
        w.Text("message", _message);
        w.Text("statusCode", WireNames.Of(_outcome));
    }
}
