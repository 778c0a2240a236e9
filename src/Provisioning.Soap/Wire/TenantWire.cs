using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Wire;

/// <summary>The Environment type and the EnvironmentFilter.</summary>
public static class TenantWire
{
    public static Tenant Read(ElementReader r)
    {
        var tenant = new Tenant();
        var partitions = new List<int>();
        while (r.Next())
        {
            tenant = r.Name switch
            {
                "displayName" => tenant with { DisplayName = r.Text() },
                "eid" => tenant with { Eid = r.Text() },
                "helpdeskURL" => tenant with { HelpdeskUrl = r.Text() },
                "inactive" => tenant with { Inactive = r.Bool() ?? false },
                "ondemandMaxCallAgeHoursInBuffer" => tenant with { OndemandMaxCallAgeHoursInBuffer = r.Number() },
                "ondemandMaxRowsInBufferPerUser" => tenant with { OndemandMaxRowsInBufferPerUser = r.Number() },
                "shortName" => tenant with { ShortName = r.Text() },
                "partitions" => AddPartition(tenant, partitions, r.Number()),
                _ => Skip(r, tenant),
            };
        }
        return tenant with { Partitions = partitions };
    }

    public static void Write(XmlWriter w, string name, Tenant t) => w.Element(name, w =>
    {
        w.Text("displayName", t.DisplayName);
        w.Text("eid", t.Eid);
        w.Text("helpdeskURL", t.HelpdeskUrl);
        w.Bool("inactive", t.Inactive);
        w.Number("ondemandMaxCallAgeHoursInBuffer", t.OndemandMaxCallAgeHoursInBuffer);
        w.Number("ondemandMaxRowsInBufferPerUser", t.OndemandMaxRowsInBufferPerUser);
        foreach (var partition in t.Partitions)
        {
            w.Number("partitions", partition);
        }
        w.Text("shortName", t.ShortName);
    });

    public static TenantFilter ReadFilter(ElementReader r)
    {
        var filter = TenantFilter.Any;
        while (r.Next())
        {
            filter = r.Name switch
            {
                "eid" => filter with { Eid = r.Text() },
                "eidExact" => filter with { EidExact = r.Bool() },
                "shortName" => filter with { ShortName = r.Text() },
                "shortNameExact" => filter with { ShortNameExact = r.Bool() },
                "inactive" => filter with { Inactive = r.Bool() },
                _ => Skip(r, filter),
            };
        }
        return filter;
    }

    internal static T Skip<T>(ElementReader r, T value)
    {
        r.Skip();
        return value;
    }

    private static Tenant AddPartition(Tenant tenant, List<int> partitions, int? partition)
    {
        if (partition is { } p)
        {
            partitions.Add(p);
        }
        return tenant;
    }
}
