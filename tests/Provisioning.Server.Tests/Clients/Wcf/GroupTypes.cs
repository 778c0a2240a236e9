using System.Xml.Schema;
using System.Xml.Serialization;

#pragma warning disable CA1051, SA1401, IDE1006 // Generated-style data types: public fields named as on the wire.

namespace Provisioning.Server.Tests.Clients.Wcf;

[XmlType(Namespace = V2.Namespace, TypeName = "group")]
public sealed class Group
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public string? eid;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public string? environmentShortName;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 2)] public int id;
    [XmlIgnore] public bool idSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 3)] public string? name;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 4)] public bool nonModifiable;
    [XmlIgnore] public bool nonModifiableSpecified;
    [XmlElement("users", Form = XmlSchemaForm.Unqualified, Order = 5)] public GroupMembership[]? users;
}

[XmlType(Namespace = V2.Namespace, TypeName = "groupMembership")]
public sealed class GroupMembership
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool admin;
    [XmlIgnore] public bool adminSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool member;
    [XmlIgnore] public bool memberSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool primary;
    [XmlIgnore] public bool primarySpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool supervisor;
    [XmlIgnore] public bool supervisorSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public User? user;
}

[XmlType(Namespace = V2.Namespace, TypeName = "groupResult")]
public sealed class GroupResult
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public Group? group;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public Status? status;
}

[XmlType(Namespace = V2.Namespace, TypeName = "userResult")]
public sealed class UserResult
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public Status? status;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public User? user;
}

[XmlType(Namespace = V2.Namespace, TypeName = "usersResult")]
public sealed class UsersResult
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public Status? status;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public int userCount;
    [XmlIgnore] public bool userCountSpecified;
    [XmlElement("users", Form = XmlSchemaForm.Unqualified, Order = 2)] public User[]? users;
}

[XmlType(Namespace = V2.Namespace, TypeName = "userFilter")]
public sealed class UserFilter
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? group;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool groupExact;
    [XmlIgnore] public bool groupExactSpecified;
}
