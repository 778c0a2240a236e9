using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

#pragma warning disable CA1051, SA1401, IDE1006 // Generated-style message contracts: public fields named as on the wire.

namespace Provisioning.Server.Tests.Clients.Wcf;

[MessageContract(WrapperName = "requestToken", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class RequestTokenRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? eid;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? loginName;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 2)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? password;
}

[MessageContract(WrapperName = "requestTokenResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class RequestTokenResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public TokenResult? @return;
}

[MessageContract(WrapperName = "releaseToken", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ReleaseTokenRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
}

[MessageContract(WrapperName = "releaseTokenResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ReleaseTokenResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public Status? @return;
}

[MessageContract(WrapperName = "createExtension", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class CreateExtensionRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public Extension? extension;
}

[MessageContract(WrapperName = "createExtensionResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class CreateExtensionResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public Status? @return;
}

[MessageContract(WrapperName = "updateExtension", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class UpdateExtensionRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public Extension? extension;
}

[MessageContract(WrapperName = "updateExtensionResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class UpdateExtensionResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public Status? @return;
}

[MessageContract(WrapperName = "getExtension", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class GetExtensionRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public EnvironmentFilter? environmentFilter;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 2)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? extension;
}

[MessageContract(WrapperName = "getExtensionResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class GetExtensionResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public ExtensionResult? @return;
}

[MessageContract(WrapperName = "listExtensions", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ListExtensionsRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public ExtensionFilter? filter;
}

[MessageContract(WrapperName = "listExtensionsResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ListExtensionsResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public ExtensionsResult? @return;
}
