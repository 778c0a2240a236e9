using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Wire;

/// <summary>The Group type; its users are memberships that carry the user.</summary>
public static class GroupWire
{
    public static Group Read(ElementReader r, IExtensionDialect dialect)
    {
        var g = new Group();
        string? eid = null, shortName = null;
        List<GroupMembership> members = [];
        while (r.Next())
        {
            switch (r.Name)
            {
                case "eid": eid = r.Text(); break;
                case "environmentShortName": shortName = r.Text(); break;
                case "id": g = g with { Id = r.Identifier() }; break;
                case "name": g = g with { Name = r.Text() }; break;
                case "nonModifiable": g = g with { NonModifiable = r.Bool() }; break;
                case "users": members.Add(MembershipWire.Read(r.Child(), dialect)); break;
                default: r.Skip(); break;
            }
        }
        return g with { Tenant = new TenantRef(eid, shortName), Members = members };
    }

    public static void Write(XmlWriter w, string name, Group g, IExtensionDialect dialect, bool withMembers) => w.Element(name, w =>
    {
        w.Text("eid", g.Tenant.Eid);
        w.Text("environmentShortName", g.Tenant.ShortName);
        w.Number("id", g.Id);
        w.Text("name", g.Name);
        w.Bool("nonModifiable", g.NonModifiable);
        if (withMembers)
        {
            foreach (var member in g.Members)
            {
                MembershipWire.Write(w, "users", member, dialect, MembershipSide.User);
            }
        }
    });
}
