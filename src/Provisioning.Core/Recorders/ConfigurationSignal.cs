using Provisioning.Core.Storage;

namespace Provisioning.Core.Recorders;

/// <summary>
/// Wakes the long polls of this process when a configuration change is committed, here or (through the store's change
/// feed) on another instance. Waiters hold a task, not a thread; each looks at its own revision when woken.
/// </summary>
public sealed class ConfigurationSignal : IDisposable
{
    private readonly IProvisioningStore _store;
    private TaskCompletionSource _next = NewSource();

    public ConfigurationSignal(IProvisioningStore store)
    {
        _store = store;
        store.Changed += OnChanged;
    }

    /// <summary>Completes at the next committed configuration change (or when changes may have been missed).</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes every waiter now, as a change would.</summary>
    public void Wake() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    public void Dispose() => _store.Changed -= OnChanged;

    private void OnChanged(StoreChange change)
    {
        if (change.Kind == StoreChangeKind.ConfigurationChanged)
        {
            Wake();
        }
    }

    // Continuations run on the pool, not on the store's thread that raised the change.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
