namespace Provisioning.Core.Security;

/// <summary>
/// What became of login attempts since the process started, for the metrics: passwords checked (right or wrong),
/// attempts refused by the throttle before any check, and attempts turned away because too many hashes were running.
/// </summary>
public sealed class LoginCounts
{
    private long _right;
    private long _wrong;
    private long _refused;
    private long _busy;

    public long Right => Interlocked.Read(ref _right);

    public long Wrong => Interlocked.Read(ref _wrong);

    public long Refused => Interlocked.Read(ref _refused);

    public long Busy => Interlocked.Read(ref _busy);

    internal void Verified(bool right) => Interlocked.Increment(ref right ? ref _right : ref _wrong);

    internal void Refuse() => Interlocked.Increment(ref _refused);

    internal void TurnAway() => Interlocked.Increment(ref _busy);
}
