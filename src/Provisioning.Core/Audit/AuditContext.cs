namespace Provisioning.Core.Audit;

/// <summary>
/// The actor of the current call, set by a front (SOAP operation, command line) around the work it does. Stores read
/// it when a write is queued and record it with the change, in the same transaction.
/// </summary>
public static class AuditContext
{
    private static readonly AsyncLocal<AuditActor?> CurrentActor = new();

    public static AuditActor? Current => CurrentActor.Value;

    /// <summary>Sets the actor until the returned scope is disposed.</summary>
    public static Scope Begin(AuditActor actor)
    {
        var previous = CurrentActor.Value;
        CurrentActor.Value = actor;
        return new Scope(previous);
    }

    public readonly struct Scope(AuditActor? previous) : IDisposable
    {
        public void Dispose() => CurrentActor.Value = previous;
    }
}
