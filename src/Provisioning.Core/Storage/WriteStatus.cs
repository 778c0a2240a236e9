namespace Provisioning.Core.Storage;

/// <summary>How a store write ended when it did not simply succeed; constraint violations become these, never exceptions.</summary>
public enum WriteStatus
{
    Ok = 0,

    /// <summary>A natural key is taken; <see cref="StoreWrite{T}.Key"/> names the key.</summary>
    Duplicate,

    /// <summary>A referenced object does not exist (or belongs to another environment); <see cref="StoreWrite{T}.Key"/> names it.</summary>
    MissingReference,

    /// <summary>The object to change does not exist.</summary>
    NotFound,

    /// <summary>A rule checked inside the transaction refused the change; <see cref="StoreWrite{T}.Refusal"/> says why.</summary>
    Refused,
}
