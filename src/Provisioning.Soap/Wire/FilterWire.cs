using Provisioning.Core.Model;
using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Wire;

/// <summary>The UserFilter, the extension filter and the group filter.</summary>
public static class FilterWire
{
    public static UserFilter ReadUserFilter(ElementReader r)
    {
        var f = new UserFilter();
        while (r.Next())
        {
            f = r.Name switch
            {
                "userId" => f with { UserId = r.Identifier() },
                "justCount" => f with { JustCount = r.Bool() },
                "environmentFilter" => f with { Environment = TenantWire.ReadFilter(r.Child()) },
                "loginName" => f with { LoginName = r.Text() },
                "loginNameExact" => f with { LoginNameExact = r.Bool() },
                "extension" => f with { Extension = r.Text() },
                "extensionExact" => f with { ExtensionExact = r.Bool() },
                "externalId" => f with { ExternalId = r.Text() },
                "externalIdExact" => f with { ExternalIdExact = r.Bool() },
                "group" => f with { Group = r.Text() },
                "groupExact" => f with { GroupExact = r.Bool() },
                "role" => f with { Role = r.Text() },
                "roleExact" => f with { RoleExact = r.Bool() },
                "skipExtensions" => f with { SkipExtensions = r.Bool() },
                "skipGroups" => f with { SkipGroups = r.Bool() },
                "skipRoles" => f with { SkipRoles = r.Bool() },
                "inactive" => f with { Inactive = r.Bool() },
                _ => TenantWire.Skip(r, f),
            };
        }
        return f;
    }

    public static ExtensionFilter ReadExtensionFilter(ElementReader r)
    {
        var f = new ExtensionFilter(null, null, null, null);
        while (r.Next())
        {
            f = r.Name switch
            {
                "environmentFilter" => f with { Environment = TenantWire.ReadFilter(r.Child()) },
                "extension" => f with { Extension = r.Text() },
                "extensionExact" => f with { ExtensionExact = r.Bool() },
                "userId" => f with { UserId = r.Identifier() },
                _ => TenantWire.Skip(r, f),
            };
        }
        return f;
    }

    public static GroupFilter ReadGroupFilter(ElementReader r)
    {
        var f = new GroupFilter(null, null, null);
        while (r.Next())
        {
            f = r.Name switch
            {
                "environmentFilter" => f with { Environment = TenantWire.ReadFilter(r.Child()) },
                "name" => f with { Name = r.Text() },
                "nameExact" => f with { NameExact = r.Bool() },
                _ => TenantWire.Skip(r, f),
            };
        }
        return f;
    }
}
