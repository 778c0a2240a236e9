using Provisioning.Core.Model;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>createEnvironment, updateEnvironment, getEnvironmentByEid, getEnvironmentByShortName, listEnvironments.</summary>
internal static class EnvironmentOperations
{
    public static void Register(IDictionary<string, OperationBinder> ops, Calls calls)
    {
        var tenants = calls.Services.Tenants;
        ops["createEnvironment"] = p =>
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
            return calls.Data(token, "environment", (c, ct) => tenants.CreateAsync(c, tenant, ct), Write);
        };
        ops["updateEnvironment"] = p =>
        {
            var (token, tenant) = Parameters.One(p, "environment", p => TenantWire.Read(p.Child()));
            return tenant is null ? Calls.Missing("environment") : calls.Status(token, (c, ct) => tenants.UpdateAsync(c, tenant, ct));
        };
        ops["getEnvironmentByEid"] = p =>
        {
            var (token, eid) = Parameters.One(p, "eid", p => p.Text());
            return calls.Data(token, "environment", (c, ct) => tenants.GetByEidAsync(c, eid, ct), Write);
        };
        ops["getEnvironmentByShortName"] = p =>
        {
            var (token, name) = Parameters.One(p, "shortName", p => p.Text());
            return calls.Data(token, "environment", (c, ct) => tenants.GetByShortNameAsync(c, name, ct), Write);
        };
        ops["listEnvironments"] = p =>
        {
            var (token, filter) = Parameters.One(p, "filter", p => TenantWire.ReadFilter(p.Child()));
            return calls.Data(token, "environments", (c, ct) => tenants.ListAsync(c, filter, ct), (w, list) =>
            {
                foreach (var tenant in list)
                {
                    TenantWire.Write(w, "environments", tenant);
                }
            });
        };
    }

    private static void Write(System.Xml.XmlWriter w, Tenant tenant) => TenantWire.Write(w, "environment", tenant);
}
