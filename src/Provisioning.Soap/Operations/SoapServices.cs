using Provisioning.Core.Recorders;
using Provisioning.Core.Security;
using Provisioning.Core.Services;

namespace Provisioning.Soap.Operations;

/// <summary>The Core services the operations call.</summary>
public sealed record SoapServices(
    TokenService Tokens,
    TenantService Tenants,
    UserService Users,
    ExtensionService Extensions,
    GroupService Groups,
    ConfigurationApplier Recorders,
    StorageService Storage,
    StatisticsService Statistics,
    TimeProvider Time,
    Binding.XmlLimits Limits);
