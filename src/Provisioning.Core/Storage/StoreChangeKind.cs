namespace Provisioning.Core.Storage;

public enum StoreChangeKind
{
    TokenReleased,
    UserChanged,
    TenantChanged,
}
