using System.ServiceModel;

namespace Provisioning.Server.Tests.Clients.Wcf;

/// <summary>
/// The v2 port type as dotnet-svcutil generates it from ?wsdl (document/literal wrapped, XmlSerializer, unqualified
/// children): message contracts per operation and types with *Specified flags for optional values.
/// </summary>
[ServiceContract(Namespace = V2.Namespace, Name = "Provisioning")]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IProvisioningV2
{
    [OperationContract(Action = "", ReplyAction = "*")]
    Task<RequestTokenResponse> RequestTokenAsync(RequestTokenRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<ReleaseTokenResponse> ReleaseTokenAsync(ReleaseTokenRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<CreateExtensionResponse> CreateExtensionAsync(CreateExtensionRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<UpdateExtensionResponse> UpdateExtensionAsync(UpdateExtensionRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<GetExtensionResponse> GetExtensionAsync(GetExtensionRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<ListExtensionsResponse> ListExtensionsAsync(ListExtensionsRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<CreateUserResponse> CreateUserAsync(CreateUserRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<GetGroupByNameAndEnvironmentResponse> GetGroupByNameAndEnvironmentAsync(GetGroupByNameAndEnvironmentRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<DeleteGroupResponse> DeleteGroupAsync(DeleteGroupRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<ApplyExtensionConfigurationResponse> ApplyExtensionConfigurationAsync(ApplyExtensionConfigurationRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<CreateStoragePolicyResponse> CreateStoragePolicyAsync(CreateStoragePolicyRequest request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<ListStoragePoliciesByEidResponse> ListStoragePoliciesByEidAsync(ListStoragePoliciesByEidRequest request);
}
