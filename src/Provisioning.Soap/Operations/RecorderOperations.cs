using System.Xml;
using Provisioning.Core.Recorders;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>applyExtensionConfiguration (spec §7), the same on v2 and v3.</summary>
internal sealed class RecorderOperations(Calls calls)
{
    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["applyExtensionConfiguration"] = ApplyExtensionConfiguration;
    }

    private Invocation ApplyExtensionConfiguration(ElementReader p)
    {
        string? token = null;
        var targets = new List<ApplyTarget>();
        bool? returnSuccessful = null, force = null;
        while (p.Next())
        {
            switch (p.Name)
            {
                case "token": token = p.Text(); break;
                case "theseServersOnly": targets.Add(ReadLocation(p.Child())); break;
                case "returnSuccessfulStatuses": returnSuccessful = p.Bool(); break;
                case "forceEvenIfNotRegistered": force = p.Bool(); break;
                default: p.Skip(); break;
            }
        }
        // Both flags are Java booleans on the reference: absent is false.
        return calls.Data(
            token,
            "statuses",
            (c, ct) => calls.Services.Recorders.ApplyAsync(c, targets, returnSuccessful ?? false, force ?? false, ct),
            WriteStatuses);
    }

    private static ApplyTarget ReadLocation(ElementReader p)
    {
        string? eid = null, location = null;
        while (p.Next())
        {
            switch (p.Name)
            {
                case "eid": eid = p.Text(); break;
                case "location": location = p.Text(); break;
                default: p.Skip(); break;
            }
        }
        return new ApplyTarget(eid, location);
    }

    /// <summary>One statuses element per recorder, children in property order.</summary>
    private static void WriteStatuses(XmlWriter w, IReadOnlyList<ApplyStatus> statuses)
    {
        foreach (var status in statuses)
        {
            w.Element("statuses", w =>
            {
                w.Text("eid", status.Eid);
                w.Text("location", status.Location);
                w.Text("message", status.Message);
                w.Number("revision", status.Revision);
                w.Bool("success", status.Success);
            });
        }
    }
}
