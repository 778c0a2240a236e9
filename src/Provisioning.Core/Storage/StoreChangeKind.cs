namespace Provisioning.Core.Storage;

public enum StoreChangeKind
{
    TokenReleased,
    UserChanged,
    TenantChanged,

    /// <summary>What recorders of the environment (the id) are told changed: their long polls look again.</summary>
    ConfigurationChanged,
}
