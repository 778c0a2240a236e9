using Provisioning.Core.Audit;
using Provisioning.Core.Results;

namespace Provisioning.Core.Storage;

/// <summary>The result of a store write: the stored value, or why nothing was stored.</summary>
public readonly record struct StoreWrite<T>(WriteStatus Status, T? Value, string? Detail, Failure? Refusal)
{
    public bool IsOk => Status == WriteStatus.Ok;

    /// <summary>On success, the change to record in the audit log (null for writes that are not audited).</summary>
    public AuditChange? Change { get; init; }

    public static StoreWrite<T> Ok(T value) => new(WriteStatus.Ok, value, null, null);

    public static StoreWrite<T> Ok(T value, AuditChange change) => new(WriteStatus.Ok, value, null, null) { Change = change };

    public static StoreWrite<T> Duplicate(string key) => new(WriteStatus.Duplicate, default, key, null);

    public static StoreWrite<T> MissingReference(string reference) => new(WriteStatus.MissingReference, default, reference, null);

    public static StoreWrite<T> NotFound() => new(WriteStatus.NotFound, default, null, null);

    public static StoreWrite<T> Refused(Failure why) => new(WriteStatus.Refused, default, null, why);
}
