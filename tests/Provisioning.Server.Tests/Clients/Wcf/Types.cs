using System.Xml.Schema;
using System.Xml.Serialization;

#pragma warning disable CA1051, CA1720, SA1401, IDE1006 // Generated-style data types: public fields named as on the wire.

namespace Provisioning.Server.Tests.Clients.Wcf;

[XmlType(Namespace = V2.Namespace, TypeName = "status")]
public sealed class Status
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public string? message;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public string? statusCode;
}

[XmlType(Namespace = V2.Namespace, TypeName = "tokenResult")]
public sealed class TokenResult
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public Status? status;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public string? token;
}

[XmlType(Namespace = V2.Namespace, TypeName = "extensionResult")]
public sealed class ExtensionResult
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public Extension? extension;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public Status? status;
}

[XmlType(Namespace = V2.Namespace, TypeName = "extensionsResult")]
public sealed class ExtensionsResult
{
    [XmlElement("extensions", Form = XmlSchemaForm.Unqualified, Order = 0)] public Extension[]? extensions;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public Status? status;
}

[XmlType(Namespace = V2.Namespace, TypeName = "environmentFilter")]
public sealed class EnvironmentFilter
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? eid;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool eidExact;
    [XmlIgnore] public bool eidExactSpecified;
}

[XmlType(Namespace = V2.Namespace, TypeName = "extensionFilter")]
public sealed class ExtensionFilter
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public EnvironmentFilter? environmentFilter;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? extension;
}

[XmlType(Namespace = V2.Namespace, TypeName = "user")]
public sealed class User
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? eid;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public int id;
    [XmlIgnore] public bool idSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? loginName;
}

[XmlType(Namespace = V2.Namespace, TypeName = "extension")]
public sealed class Extension
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? eid;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? environmentShortName;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? extension;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public int id;
    [XmlIgnore] public bool idSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool im;
    [XmlIgnore] public bool imSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? recordingMode;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool screenCaptureEnabled;
    [XmlIgnore] public bool screenCaptureEnabledSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public User? user;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool video;
    [XmlIgnore] public bool videoSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool voice;
    [XmlIgnore] public bool voiceSpecified;
}
