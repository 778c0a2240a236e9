using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Wire;

/// <summary>The User type. passwordHash is read, never written.</summary>
public static class UserWire
{
    public static (User User, string? PasswordHash) Read(ElementReader r, IExtensionDialect dialect)
    {
        var u = new User();
        string? eid = null, shortName = null, passwordHash = null;
        List<string> roles = [], customs = [];
        List<Extension> extensions = [];
        List<GroupMembership> memberships = [];
        while (r.Next())
        {
            switch (r.Name)
            {
                case "eid": eid = r.Text(); break;
                case "environmentShortName": shortName = r.Text(); break;
                case "passwordHash": passwordHash = r.Text(); break;
                case "roles": roles.Add(r.Text()); break;
                case "customs": customs.Add(r.Text()); break;
                case "extensions": extensions.Add(dialect.Read(r.Child())); break;
                case "groupMemberships": memberships.Add(MembershipWire.Read(r.Child(), dialect)); break;
                default: u = ReadField(r, u); break;
            }
        }
        u = u with { Tenant = new TenantRef(eid, shortName), Roles = roles, Customs = customs, Extensions = extensions, Memberships = memberships };
        return (u, string.IsNullOrEmpty(passwordHash) ? null : passwordHash);
    }

    /// <summary>Writes a user; <paramref name="withExtensions"/> is false where the user sits inside an extension.</summary>
    public static void Write(XmlWriter w, string name, User u, IExtensionDialect dialect, bool withExtensions) => w.Element(name, w =>
    {
        w.Text("agentId", u.AgentId);
        w.Bool("apiAccessOnly", u.ApiAccessOnly);
        w.Text("crmUserId", u.CrmUserId);
        w.Text("customDateFormat", u.CustomDateFormat);
        w.Text("customTimeFormat", u.CustomTimeFormat);
        w.Texts("customs", u.Customs);
        w.Text("displayName", u.DisplayName);
        w.Text("eid", u.Tenant.Eid);
        w.Text("email", u.Email);
        w.Text("environmentShortName", u.Tenant.ShortName);
        if (withExtensions)
        {
            foreach (var extension in u.Extensions)
            {
                dialect.Write(w, "extensions", extension, withUser: false);
            }
        }
        w.Text("externalId", u.ExternalId);
        foreach (var membership in u.Memberships)
        {
            MembershipWire.Write(w, "groupMemberships", membership, dialect, MembershipSide.Group);
        }
        w.Number("id", u.Id);
        w.Text("language", u.Language);
        w.Bool("locked", u.Locked);
        w.Text("loginName", u.LoginName);
        w.Bool("needChangePassword", u.NeedChangePassword);
        w.Bool("nonModifiable", u.NonModifiable);
        w.Number("observerGroupId", u.ObserverGroupId);
        w.Number("observerUserId", u.ObserverUserId);
        w.Bool("passwordExpires", u.PasswordExpires);
        w.Text("recorderLinePIN", u.RecorderLinePin);
        w.Texts("roles", u.Roles);
        w.Text("timeZone", u.TimeZone);
        w.Text("userType", u.UserType is { } type ? WireNames.Of(type) : null);
        w.Time("validFrom", u.ValidFrom);
        w.Time("validTo", u.ValidTo);
    });

    /// <summary>The user reference inside an extension or a membership: only its id is read.</summary>
    public static User ReadReference(ElementReader r)
    {
        long? id = null;
        while (r.Next())
        {
            if (r.Name == "id")
            {
                id = r.Identifier();
            }
            else
            {
                r.Skip();
            }
        }
        return new User { Id = id };
    }

    private static User ReadField(ElementReader r, User u) => r.Name switch
    {
        "id" => u with { Id = r.Identifier() },
        "loginName" => u with { LoginName = r.Text() },
        "displayName" => u with { DisplayName = r.Text() },
        "email" => u with { Email = r.Text() },
        "crmUserId" => u with { CrmUserId = r.Text() },
        "language" => u with { Language = r.Text() },
        "timeZone" => u with { TimeZone = r.Text() },
        "validFrom" => u with { ValidFrom = r.Timestamp() },
        "validTo" => u with { ValidTo = r.Timestamp() },
        "locked" => u with { Locked = r.Bool() },
        "nonModifiable" => u with { NonModifiable = r.Bool() },
        "passwordExpires" => u with { PasswordExpires = r.Bool() },
        "needChangePassword" => u with { NeedChangePassword = r.Bool() },
        "observerUserId" => u with { ObserverUserId = r.Identifier() },
        "observerGroupId" => u with { ObserverGroupId = r.Identifier() },
        "userType" => u with { UserType = r.Enum(WireNames.UserTypes) },
        "recorderLinePIN" => u with { RecorderLinePin = r.Text() },
        "agentId" => u with { AgentId = r.Text() },
        "apiAccessOnly" => u with { ApiAccessOnly = r.Bool() },
        "customDateFormat" => u with { CustomDateFormat = r.Text() },
        "customTimeFormat" => u with { CustomTimeFormat = r.Text() },
        "externalId" => u with { ExternalId = r.Text() },
        _ => TenantWire.Skip(r, u),
    };
}
