using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

#pragma warning disable CA1051, SA1401, IDE1006 // Generated-style message contracts: public fields named as on the wire.

namespace Provisioning.Server.Tests.Clients.Wcf;

[MessageContract(WrapperName = "createUser", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class CreateUserRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public User? user;
}

[MessageContract(WrapperName = "createUserResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class CreateUserResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public UserResult? @return;
}

[MessageContract(WrapperName = "listUsers", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ListUsersRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public UserFilter? filter;
}

[MessageContract(WrapperName = "listUsersResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ListUsersResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public UsersResult? @return;
}

[MessageContract(WrapperName = "createGroup", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class CreateGroupRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public Group? group;
}

[MessageContract(WrapperName = "createGroupResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class CreateGroupResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public GroupResult? @return;
}

[MessageContract(WrapperName = "getGroupByNameAndEnvironment", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class GetGroupByNameAndEnvironmentRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? name;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 2)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? eid;
}

[MessageContract(WrapperName = "getGroupByNameAndEnvironmentResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class GetGroupByNameAndEnvironmentResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public GroupResult? @return;
}

[MessageContract(WrapperName = "deleteGroup", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class DeleteGroupRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public int groupId;
}

[MessageContract(WrapperName = "deleteGroupResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class DeleteGroupResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public Status? @return;
}
