using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

#pragma warning disable CA1051, SA1401, IDE1006 // Generated-style message contracts and types: public fields named as on the wire.

namespace Provisioning.Server.Tests.Clients.Wcf;

[MessageContract(WrapperName = "createStoragePolicy", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class CreateStoragePolicyRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public StoragePolicy? storagePolicy;
}

[MessageContract(WrapperName = "createStoragePolicyResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class CreateStoragePolicyResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public StoragePolicyResult? @return;
}

[MessageContract(WrapperName = "listStoragePoliciesByEid", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ListStoragePoliciesByEidRequest
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
    [MessageBodyMember(Namespace = V2.Namespace, Order = 1)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? eid;
}

[MessageContract(WrapperName = "listStoragePoliciesByEidResponse", WrapperNamespace = V2.Namespace, IsWrapped = true)]
public sealed class ListStoragePoliciesByEidResponse
{
    [MessageBodyMember(Namespace = V2.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public StoragePoliciesResult? @return;
}

[XmlType(Namespace = V2.Namespace, TypeName = "storagePolicyResult")]
public sealed class StoragePolicyResult
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public Status? status;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public StoragePolicy? storagePolicy;
}

[XmlType(Namespace = V2.Namespace, TypeName = "storagePoliciesResult")]
public sealed class StoragePoliciesResult
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public Status? status;
    [XmlElement("storagePolicies", Form = XmlSchemaForm.Unqualified, Order = 1)] public StoragePolicy[]? storagePolicies;
}

/// <summary>The policy's xs:all: any order, so no Order on its members, as svcutil writes it; the fields this client uses.</summary>
[XmlType(Namespace = V2.Namespace, TypeName = "storagePolicy")]
public sealed class StoragePolicy
{
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? action;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? eid;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public bool enabled;
    [XmlIgnore] public bool enabledSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public int id;
    [XmlIgnore] public bool idSpecified;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public string? name;
    [XmlElement(Form = XmlSchemaForm.Unqualified)] public int olderThanYears;
    [XmlIgnore] public bool olderThanYearsSpecified;
}

/// <summary>The v3 port type's getStatistics, as svcutil generates it from the v3 ?wsdl.</summary>
[ServiceContract(Namespace = V3.Namespace, Name = "Provisioning")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IProvisioningV3Statistics
{
    [OperationContract(Action = "", ReplyAction = "*")]
    Task<GetStatisticsResponse> GetStatisticsAsync(GetStatisticsRequest request);
}

[MessageContract(WrapperName = "getStatistics", WrapperNamespace = V3.Namespace, IsWrapped = true)]
public sealed class GetStatisticsRequest
{
    [MessageBodyMember(Namespace = V3.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public string? token;
}

[MessageContract(WrapperName = "getStatisticsResponse", WrapperNamespace = V3.Namespace, IsWrapped = true)]
public sealed class GetStatisticsResponse
{
    [MessageBodyMember(Namespace = V3.Namespace, Order = 0)][XmlElement(Form = XmlSchemaForm.Unqualified)] public StatisticsResult? @return;
}

[XmlType(Namespace = V3.Namespace, TypeName = "statisticsResult")]
public sealed class StatisticsResult
{
    [XmlElement("environments", Form = XmlSchemaForm.Unqualified, Order = 0)] public EnvironmentStatistics[]? environments;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public StatusV3? status;
}

[XmlType(Namespace = V3.Namespace, TypeName = "status")]
public sealed class StatusV3
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public string? message;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public string? statusCode;
}

[XmlType(Namespace = V3.Namespace, TypeName = "environmentStatistics")]
public sealed class EnvironmentStatistics
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public string? eid;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public string? environmentShortName;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 2)] public long extensions;
    [XmlElement("extensionsByRecordingMode", Form = XmlSchemaForm.Unqualified, Order = 3)] public RecordingModeCount[]? extensionsByRecordingMode;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 4)] public long groups;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 5)] public long liveTokens;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 6)] public long recorders;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 7)] public long users;
}

[XmlType(Namespace = V3.Namespace, TypeName = "recordingModeCount")]
public sealed class RecordingModeCount
{
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 0)] public long count;
    [XmlElement(Form = XmlSchemaForm.Unqualified, Order = 1)] public string? recordingMode;
}
