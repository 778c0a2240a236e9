namespace Provisioning.Core.Security;

/// <summary>
/// Bounds the password hashes running at once, in the whole process and per login: each is a deliberately slow PBKDF2,
/// so without a bound a flood of logins would take every core from the API. A login waits at most
/// <paramref name="maxWait"/> for its turn; then the caller answers as for a wrong password.
/// </summary>
public sealed class PasswordGate(int total, int perLogin, TimeSpan maxWait, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _total = new(Positive(total), total);
    private readonly int _perLogin = Positive(perLogin);
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>A turn to hash a password of <paramref name="login"/> (to be disposed after); null when none came in time.</summary>
    public async Task<IDisposable?> EnterAsync(string login, CancellationToken cancellationToken)
    {
        var lane = Join(login);
        var (inLane, entered) = (false, false);
        try
        {
            inLane = await WaitAsync(lane.Slots, cancellationToken);
            entered = inLane && await WaitAsync(_total, cancellationToken);
        }
        finally
        {
            if (!entered)
            {
                if (inLane)
                {
                    lane.Slots.Release();
                }
                Leave(login, lane);
            }
        }
        if (!entered)
        {
            return null;
        }
        return new Turn(this, login, lane);
    }

    public void Dispose() => _total.Dispose();

    private async Task<bool> WaitAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken)
    {
        if (semaphore.Wait(0, CancellationToken.None))
        {
            return true;
        }
        // The wait is timed on the injected clock, so tests can run it out without sleeping.
        using var timeout = new CancellationTokenSource(maxWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await semaphore.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Lane Join(string login)
    {
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(login, out var lane))
            {
                lane = new Lane(new SemaphoreSlim(_perLogin, _perLogin));
                _lanes.Add(login, lane);
            }
            lane.Users++;
            return lane;
        }
    }

    private void Leave(string login, Lane lane)
    {
        lock (_lanes)
        {
            if (--lane.Users == 0)
            {
                _lanes.Remove(login);
                lane.Slots.Dispose();
            }
        }
    }

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        return value;
    }

    /// <summary>The hashes of one login: at most the per-login bound at once, and how many requests hold or await one.</summary>
    private sealed class Lane(SemaphoreSlim slots)
    {
        public SemaphoreSlim Slots { get; } = slots;

        public int Users { get; set; }
    }

    private sealed class Turn(PasswordGate gate, string login, Lane lane) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate._total.Release();
                lane.Slots.Release();
                gate.Leave(login, lane);
            }
        }
    }
}
