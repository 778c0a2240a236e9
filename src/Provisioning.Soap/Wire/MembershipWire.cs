using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Wire;

/// <summary>The GroupMembership type. Its unique id and validity are read-only: written, never read.</summary>
public static class MembershipWire
{
    public static GroupMembership Read(ElementReader r, IExtensionDialect dialect)
    {
        var m = new GroupMembership();
        while (r.Next())
        {
            m = r.Name switch
            {
                "primary" => m with { Primary = r.Bool() },
                "member" => m with { Member = r.Bool() },
                "admin" => m with { Admin = r.Bool() },
                "supervisor" => m with { Supervisor = r.Bool() },
                "group" => m with { Group = GroupWire.Read(r.Child(), dialect) },
                "user" => m with { User = UserWire.ReadReference(r.Child()) },
                _ => TenantWire.Skip(r, m),
            };
        }
        return m with { GroupId = m.Group?.Id, UserId = m.User?.Id };
    }

    public static void Write(XmlWriter w, string name, GroupMembership m, IExtensionDialect dialect, MembershipSide side) => w.Element(name, w =>
    {
        w.Bool("admin", m.Admin);
        if (side == MembershipSide.Group && m.Group is { } group)
        {
            GroupWire.Write(w, "group", group, dialect, withMembers: false);
        }
        w.Bool("member", m.Member);
        w.Bool("primary", m.Primary);
        w.Bool("supervisor", m.Supervisor);
        w.Number("uniqueIdUnmodifiable", m.Id);
        if (side == MembershipSide.User && m.User is { } user)
        {
            UserWire.Write(w, "user", user, dialect, withExtensions: false);
        }
        w.Time("validFromUnmodifiable", m.ValidFrom);
        w.Time("validUntilUnmodifiable", m.ValidUntil);
    });
}
