namespace Provisioning.Server.Observability;

/// <summary>
/// Keeps a burst of identical errors from flooding the log: the first of a kind is logged in full, the repeats are
/// counted, and once a minute each kind that repeated gets one summary line ("repeated 31,877 times in the last
/// minute"). A kind that did not occur for a whole minute is forgotten, so its next occurrence is logged in full again.
/// A kind is the caller's key (an exception's type and message, a probe's reason). Thread-safe.
/// </summary>
internal sealed class RepeatedErrors : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // Errors whose text varies without end (an id in the message) must not grow the table without end either.
    private const int MaxKinds = 256;
    private const int MaxDescription = 300;
    private const string OtherKinds = "Other errors";
    private readonly Dictionary<string, long> _repeats = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Action<string, long> _summary;
    private readonly ITimer _timer;

    /// <summary><paramref name="summary"/> gets each kind that repeated in the last minute, with how often.</summary>
    public RepeatedErrors(TimeProvider time, Action<string, long> summary)
    {
        _summary = summary;
        _timer = time.CreateTimer(_ => Summarise(), null, Interval, Interval);
    }

    /// <summary>One line for an exception: its type and message, and its inner exception's (the socket error under a connection failure).</summary>
    public static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}";
        if (error.InnerException is { } inner)
        {
            text += $" ({inner.GetType().Name}: {inner.Message})";
        }
        return text.Length <= MaxDescription ? text : text[..MaxDescription];
    }

    /// <summary>Records one occurrence of <paramref name="kind"/>; true when it is the first (log it in full), false when it was counted.</summary>
    public bool IsFirst(string kind)
    {
        lock (_lock)
        {
            if (!_repeats.ContainsKey(kind) && _repeats.Count >= MaxKinds)
            {
                kind = OtherKinds;
            }
            if (_repeats.TryGetValue(kind, out var count))
            {
                _repeats[kind] = count + 1;
                return false;
            }
            _repeats[kind] = 0;
            return true;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Summarise()
    {
        var due = new List<KeyValuePair<string, long>>();
        lock (_lock)
        {
            foreach (var (kind, count) in _repeats.ToArray())
            {
                if (count == 0)
                {
                    _repeats.Remove(kind);
                }
                else
                {
                    due.Add(new(kind, count));
                    _repeats[kind] = 0;
                }
            }
        }
        foreach (var (kind, count) in due)
        {
            _summary(kind, count);
        }
    }
}
