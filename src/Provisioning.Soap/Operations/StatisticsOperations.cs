using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>
/// getStatistics, which v3 adds: <c>status</c> and one <c>environments</c> per environment the caller may see, with
/// its counts (children in property order; every recording mode listed, a zero too).
/// </summary>
internal sealed class StatisticsOperations(Calls calls)
{
    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["getStatistics"] = GetStatistics;
    }

    private Invocation GetStatistics(ElementReader p)
    {
        var token = Parameters.TokenOnly(p);
        return calls.Data(token, "environments", (c, ct) => calls.Services.Statistics.GetAsync(c, ct), (w, list) =>
        {
            foreach (var statistics in list)
            {
                Write(w, statistics);
            }
        });
    }

    private static void Write(XmlWriter w, TenantStatistics s) => w.Element("environments", w =>
    {
        w.Text("eid", s.Eid);
        w.Text("environmentShortName", s.ShortName);
        w.Number("extensions", s.Extensions);
        foreach (var (mode, count) in s.ExtensionsByMode)
        {
            w.Element("extensionsByRecordingMode", w =>
            {
                w.Number("count", count);
                w.Text("recordingMode", RecordingModeNames.Of(mode));
            });
        }
        w.Number("groups", s.Groups);
        w.Number("liveTokens", s.LiveTokens);
        w.Number("recorders", s.Recorders);
        w.Number("users", s.Users);
    });
}
