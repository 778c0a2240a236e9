using Provisioning.Core.Model;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>createGroup, updateGroup, deleteGroup, getGroupByNameAndEnvironment, listGroups.</summary>
internal static class GroupOperations
{
    public static void Register(IDictionary<string, OperationBinder> ops, Calls calls, IExtensionDialect dialect)
    {
        var groups = calls.Services.Groups;
        void Write(System.Xml.XmlWriter w, Group group) => GroupWire.Write(w, "group", group, dialect, withMembers: true);

        ops["createGroup"] = p =>
        {
            var (token, group) = Parameters.One(p, "group", p => GroupWire.Read(p.Child(), dialect));
            return group is null
                ? Calls.MissingData("group", "group")
                : calls.Data(token, "group", (c, ct) => groups.CreateAsync(c, group, ct), Write);
        };
        ops["updateGroup"] = p =>
        {
            string? token = null;
            Group? group = null;
            bool? updateUsers = null;
            while (p.Next())
            {
                switch (p.Name)
                {
                    case "token": token = p.Text(); break;
                    case "group": group = GroupWire.Read(p.Child(), dialect); break;
                    case "updateUsers": updateUsers = p.Bool(); break;
                    default: p.Skip(); break;
                }
            }
            return group is null
                ? Calls.MissingData("group", "group")
                : calls.Data(token, "group", (c, ct) => groups.UpdateAsync(c, group, updateUsers, ct), Write);
        };
        ops["deleteGroup"] = p =>
        {
            var (token, groupId) = Parameters.One(p, "groupId", p => p.Identifier());
            return calls.Status(token, (c, ct) => groups.DeleteAsync(c, groupId, ct));
        };
        ops["getGroupByNameAndEnvironment"] = p =>
        {
            string? token = null, name = null, eid = null, shortName = null;
            while (p.Next())
            {
                switch (p.Name)
                {
                    case "token": token = p.Text(); break;
                    case "name": name = p.Text(); break;
                    case "eid": eid = p.Text(); break;
                    case "environmentShortName": shortName = p.Text(); break;
                    default: p.Skip(); break;
                }
            }
            return calls.Data(token, "group", (c, ct) => groups.GetByNameAsync(c, name, new TenantRef(eid, shortName), ct), Write);
        };
        ops["listGroups"] = p =>
        {
            var (token, filter) = Parameters.One(p, "filter", p => FilterWire.ReadGroupFilter(p.Child()));
            return calls.Data(token, "groups", (c, ct) => groups.ListAsync(c, filter, ct), (w, list) =>
            {
                foreach (var group in list)
                {
                    GroupWire.Write(w, "groups", group, dialect, withMembers: true);
                }
            });
        };
    }
}
