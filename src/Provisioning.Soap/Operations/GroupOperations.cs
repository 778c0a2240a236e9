using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Core.Services;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>createGroup, updateGroup, deleteGroup, getGroupByNameAndEnvironment, listGroups.</summary>
internal sealed class GroupOperations(Calls calls, IExtensionDialect dialect)
{
    private GroupService Groups => calls.Services.Groups;

    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["createGroup"] = CreateGroup;
        ops["updateGroup"] = UpdateGroup;
        ops["deleteGroup"] = DeleteGroup;
        ops["getGroupByNameAndEnvironment"] = GetGroupByNameAndEnvironment;
        ops["listGroups"] = ListGroups;
    }

    private Invocation CreateGroup(ElementReader p)
    {
        var (token, group) = Parameters.One(p, "group", p => GroupWire.Read(p.Child(), dialect));
        return group is null
            ? Calls.MissingData("group", "group")
            : calls.Data(token, "group", (c, ct) => Groups.CreateAsync(c, group, ct), Write);
    }

    private Invocation UpdateGroup(ElementReader p)
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
            : calls.Data(token, "group", (c, ct) => Groups.UpdateAsync(c, group, updateUsers, ct), Write);
    }

    private Invocation DeleteGroup(ElementReader p)
    {
        var (token, groupId) = Parameters.One(p, "groupId", p => p.Identifier());
        return calls.Status(token, (c, ct) => Groups.DeleteAsync(c, groupId, ct));
    }

    private Invocation GetGroupByNameAndEnvironment(ElementReader p)
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
        return calls.Data(token, "group", (c, ct) => Groups.GetByNameAsync(c, name, new TenantRef(eid, shortName), ct), Write);
    }

    private Invocation ListGroups(ElementReader p)
    {
        var (token, filter) = Parameters.One(p, "filter", p => FilterWire.ReadGroupFilter(p.Child()));
        return calls.Data(token, "groups", (c, ct) => Groups.ListAsync(c, filter, ct), (w, list) =>
        {
            foreach (var group in list)
            {
                GroupWire.Write(w, "groups", group, dialect, withMembers: true);
            }
        });
    }

    private void Write(XmlWriter w, Group group) => GroupWire.Write(w, "group", group, dialect, withMembers: true);
}
