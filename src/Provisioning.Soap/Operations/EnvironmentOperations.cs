using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Core.Services;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>createEnvironment, updateEnvironment, getEnvironmentByEid, getEnvironmentByShortName, listEnvironments.</summary>
internal sealed class EnvironmentOperations(Calls calls)
{
    private TenantService Tenants => calls.Services.Tenants;

    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["createEnvironment"] = CreateEnvironment;
        ops["updateEnvironment"] = UpdateEnvironment;
        ops["getEnvironmentByEid"] = GetEnvironmentByEid;
        ops["getEnvironmentByShortName"] = GetEnvironmentByShortName;
        ops["listEnvironments"] = ListEnvironments;
    }

    private Invocation CreateEnvironment(ElementReader p)
    {
        string? token = null, archivePath = null;
        Tenant? tenant = null;
        int? archiveAt = null, deleteAt = null;
        while (p.Next())
        {
            switch (p.Name)
            {
                case "token": token = p.Text(); break;
                case "environment": tenant = TenantWire.Read(p.Child()); break;
                case "archiveAtAgeHours": archiveAt = p.Number(); break;
                case "deleteAtAgeHours": deleteAt = p.Number(); break;
                case "archivePath": archivePath = p.Text(); break;
                default: p.Skip(); break;
            }
        }
        if (tenant is null)
        {
            return Calls.MissingData("environment", "environment");
        }
        tenant = tenant with { ArchiveAtAgeHours = archiveAt, DeleteAtAgeHours = deleteAt, ArchivePath = archivePath };
        return calls.Data(token, "environment", (c, ct) => Tenants.CreateAsync(c, tenant, ct), Write);
    }

    private Invocation UpdateEnvironment(ElementReader p)
    {
        var (token, tenant) = Parameters.One(p, "environment", p => TenantWire.Read(p.Child()));
        return tenant is null ? Calls.Missing("environment") : calls.Status(token, (c, ct) => Tenants.UpdateAsync(c, tenant, ct));
    }

    private Invocation GetEnvironmentByEid(ElementReader p)
    {
        var (token, eid) = Parameters.One(p, "eid", p => p.Text());
        return calls.Data(token, "environment", (c, ct) => Tenants.GetByEidAsync(c, eid, ct), Write);
    }

    private Invocation GetEnvironmentByShortName(ElementReader p)
    {
        var (token, name) = Parameters.One(p, "shortName", p => p.Text());
        return calls.Data(token, "environment", (c, ct) => Tenants.GetByShortNameAsync(c, name, ct), Write);
    }

    private Invocation ListEnvironments(ElementReader p)
    {
        var (token, filter) = Parameters.One(p, "filter", p => TenantWire.ReadFilter(p.Child()));
        return calls.Data(token, "environments", (c, ct) => Tenants.ListAsync(c, filter, ct), (w, list) =>
        {
            foreach (var tenant in list)
            {
                TenantWire.Write(w, "environments", tenant);
            }
        });
    }

    private static void Write(XmlWriter w, Tenant tenant) => TenantWire.Write(w, "environment", tenant);
}
