namespace Provisioning.Core.Resilience;

/// <summary>
/// What a loop retrying one dependency (the database, for a background task) knows about it: whether it is down, since
/// when, and how long to wait before the next attempt. A failure is reported once when an outage starts and once when
/// it ends, never per retry, so an outage of an hour writes two lines, not thousands. Not thread-safe: one loop owns it.
/// </summary>
public sealed class Outage(TimeProvider time)
{
    /// <summary>The first wait after a failure; each further failure doubles it up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait between attempts: small enough that a loop is back within seconds of the dependency's return,
    /// large enough that a long outage costs a failed attempt only every few seconds.
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private DateTimeOffset? _since;
    private int _failures;
    private TimeSpan _delay = FirstDelay;

    public bool IsDown => _since is not null;

    /// <summary>Records a failed attempt; true when it starts an outage, that is, when it is the one to report.</summary>
    public bool Failed()
    {
        _failures++;
        if (_since is not null)
        {
            return false;
        }
        _since = time.GetUtcNow();
        return true;
    }

    /// <summary>Records a successful attempt; the outage it ends, if it ends one, to report as recovered.</summary>
    public OutageEnded? Succeeded()
    {
        _delay = FirstDelay;
        if (_since is not { } since)
        {
            return null;
        }
        var ended = new OutageEnded(time.GetUtcNow() - since, _failures);
        _since = null;
        _failures = 0;
        return ended;
    }

    /// <summary>The wait before the next attempt: the current delay, which the call doubles for the one after (capped).</summary>
    public TimeSpan NextDelay()
    {
        var delay = _delay;
        _delay = _delay * 2 < MaxDelay ? _delay * 2 : MaxDelay;
        return delay;
    }

    /// <summary>Waits <see cref="NextDelay"/> on this outage's clock.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(NextDelay(), time, cancellationToken);
}
