using Provisioning.Core.Results;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Operations;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Tests.Support;

/// <summary>
/// A minimal operation, bound the way the real ones are: reads an optional boolean <c>flag</c>, answers OK, and
/// records whether it ran and with what, so a test can tell that a broken request was refused before anything ran.
/// </summary>
public sealed class PingOperation
{
    public bool Ran { get; private set; }

    public bool? Flag { get; private set; }

    public IReadOnlyDictionary<string, OperationBinder> Operations => new Dictionary<string, OperationBinder>(StringComparer.Ordinal)
    {
        ["ping"] = Bind,
    };

    private Invocation Bind(ElementReader p)
    {
        bool? flag = null;
        while (p.Next())
        {
            if (p.Name == "flag")
            {
                flag = p.Bool();
            }
            else
            {
                p.Skip();
            }
        }
        return (_, _) =>
        {
            Ran = true;
            Flag = flag;
            return Task.FromResult(Reply.Status(Result.Ok()));
        };
    }
}
