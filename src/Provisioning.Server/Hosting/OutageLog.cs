using Provisioning.Core.Resilience;
using Provisioning.Server.Observability;

namespace Provisioning.Server.Hosting;

/// <summary>Logs the start and the end of each outage a self-retrying part reports: two lines per outage, whatever its length.</summary>
internal sealed class OutageLog(ILogger<OutageLog> logger) : IOutageObserver
{
    public void Failed(string part, Exception error) => Log.PartFailed(logger, part, RepeatedErrors.Describe(error), error);

    public void Recovered(string part, OutageEnded ended) => Log.PartRecovered(logger, part, ended.Duration.TotalSeconds, ended.Failures);
}
