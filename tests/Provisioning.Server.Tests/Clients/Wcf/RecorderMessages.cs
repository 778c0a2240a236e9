using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

#pragma warning disable CA1051, SA1401, IDE1006 // Generated-style message contracts and types: public fields named as on the wire.

namespace Provisioning.Server.Tests.Clients.Wcf;

[MessageContract(WrapperName = "applyExtensionConfiguration", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ApplyExtensionConfigurationRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement("theseServersOnly", Form = XmlSchemaForm.Unqualified)] public Location[]? theseServersOnly;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 2)][XmlElement(Form = XmlSchemaForm.Unqualified)] public bool returnSuccessfulStatuses;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 3)][XmlElement(Form = XmlSchemaForm.Unqualified)] public bool forceEvenIfNotRegistered;
}

[MessageContract(WrapperName = "applyExtensionConfigurationResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ApplyExtensionConfigurationResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public ApplyExtensionConfigurationResult? @return;
}

[XmlType(Namespace = V2.Namespace, TypeName = "location")]
public sealed class Location
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public string? eid;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public string? location;
}

[XmlType(Namespace = V2.Namespace, TypeName = "applyExtensionConfigurationResult")]
public sealed class ApplyExtensionConfigurationResult
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public Status? status;
    [XmlElement("statuses", Form = XmlSchemaForm.Unqualified, Order = 1)] public ApplyExtensionConfigurationResponseServer[]? statuses;
}

[XmlType(Namespace = V2.Namespace, TypeName = "applyExtensionConfigurationResponseServer")]
public sealed class ApplyExtensionConfigurationResponseServer
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public string? eid;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public string? location;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 2)] public string? message;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 3)] public long revision;
    [XmlIgnore] public bool revisionSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 4)] public bool success;
}
