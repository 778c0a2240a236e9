using Provisioning.Core.Results;

namespace Provisioning.Core.Storage;

/// <summary>
/// The result of a store write: the stored value, or why nothing was stored, typed: which key was taken or which
/// reference is missing (<see cref="Key"/>), or the rule that refused (<see cref="Refusal"/>).
/// </summary>
public readonly record struct StoreWrite<T>(WriteStatus Status, T? Value, StoreKey Key, Failure? Refusal)
{
    public bool IsOk => Status == WriteStatus.Ok;

    /// <summary>The value of <see cref="Key"/> where the key alone does not name it: an embedded extension's address, a member's id.</summary>
    public string? KeyValue { get; init; }

    public static StoreWrite<T> Ok(T value) => new(WriteStatus.Ok, value, StoreKey.None, null);

    public static StoreWrite<T> Duplicate(StoreKey key, string? value = null) => new(WriteStatus.Duplicate, default, key, null) { KeyValue = value };

    public static StoreWrite<T> MissingReference(StoreKey key, string? value = null) => new(WriteStatus.MissingReference, default, key, null) { KeyValue = value };

    public static StoreWrite<T> NotFound() => new(WriteStatus.NotFound, default, StoreKey.None, null);

    public static StoreWrite<T> Refused(Failure why) => new(WriteStatus.Refused, default, StoreKey.None, why);

    /// <summary>The same failure for a write of another type.</summary>
    public StoreWrite<TOther> As<TOther>() => IsOk
        ? throw new InvalidOperationException("An OK write is not a failure.")
        : new StoreWrite<TOther>(Status, default, Key, Refusal) { KeyValue = KeyValue };
}
