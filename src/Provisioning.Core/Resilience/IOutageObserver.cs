namespace Provisioning.Core.Resilience;

/// <summary>
/// Hears when a part that retries on its own (a background task, the PostgreSQL change feed) loses its dependency and
/// when it has it back: once each per outage, so the host can log them without a line per retry.
/// </summary>
public interface IOutageObserver
{
    void Failed(string part, Exception error);

    void Recovered(string part, OutageEnded ended);
}
