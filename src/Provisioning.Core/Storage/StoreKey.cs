namespace Provisioning.Core.Storage;

/// <summary>Which natural key a <see cref="WriteStatus.Duplicate"/> found taken, or which reference a <see cref="WriteStatus.MissingReference"/> found missing.</summary>
public enum StoreKey
{
    None = 0,
    Eid,
    ShortName,
    LoginName,
    GroupName,

    /// <summary>An extension's address in its environment; for one embedded in a user, <see cref="StoreWrite{T}.KeyValue"/> is the address.</summary>
    Extension,

    /// <summary>A user of the environment: an extension's user, or a group member (<see cref="StoreWrite{T}.KeyValue"/> is its id).</summary>
    User,
    ObserverUser,
    ObserverGroup,

    /// <summary>A recorder's name.</summary>
    Recorder,

    StorageFolderName,
    StoragePolicyName,

    /// <summary>A storage folder of the environment: a policy's folder.</summary>
    StorageFolder,

    /// <summary>A SCIM token's name in its environment.</summary>
    ScimToken,
}
