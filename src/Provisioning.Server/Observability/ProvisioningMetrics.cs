using System.Diagnostics;
using System.Diagnostics.Metrics;
using Provisioning.Core.Security;

namespace Provisioning.Server.Observability;

/// <summary>
/// The server's own instruments, exported through OpenTelemetry on the management port's /metrics:
/// requests by version, operation and status or fault code, their duration, live tokens, the size of each
/// committed write batch (group commit), and what became of login attempts.
/// </summary>
public sealed class ProvisioningMetrics : IDisposable
{
    public const string MeterName = "Provisioning.Server";
    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _batches;
    private long _liveTokens;

    public ProvisioningMetrics(IMeterFactory meters, LoginCounts logins)
    {
        _meter = meters.Create(MeterName);
        _requests = _meter.CreateCounter<long>("provisioning.requests", "{request}", "SOAP requests answered, by version, operation and status code or fault code");
        _duration = _meter.CreateHistogram<double>(
            "provisioning.request.duration",
            "s",
            "Time to answer a SOAP request",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _batches = _meter.CreateHistogram<long>(
            "provisioning.store.commit.batch",
            "{write}",
            "Writes committed together in one transaction (group commit)",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
        _meter.CreateObservableCounter("provisioning.logins", () => LoginMeasurements(logins), "{login}", "requestToken attempts: passwords checked right or wrong, refused by the throttle unchecked, or turned away busy");
        _meter.CreateObservableGauge("provisioning.tokens.live", () => Interlocked.Read(ref _liveTokens), "{token}", "Tokens neither released nor expired");
    }

    public void Request(int version, string operation, string status, TimeSpan elapsed)
    {
        var tags = new TagList { { "version", version }, { "operation", operation }, { "status", status } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, new TagList { { "version", version }, { "operation", operation } });
    }

    public void CommitBatch(int writes) => _batches.Record(writes);

    public void LiveTokens(long count) => Interlocked.Exchange(ref _liveTokens, count);

    public void Dispose() => _meter.Dispose();

    private static Measurement<long>[] LoginMeasurements(LoginCounts logins) =>
    [
        new(logins.Right, new KeyValuePair<string, object?>("outcome", "right")),
        new(logins.Wrong, new KeyValuePair<string, object?>("outcome", "wrong")),
        new(logins.Refused, new KeyValuePair<string, object?>("outcome", "refused")),
        new(logins.Busy, new KeyValuePair<string, object?>("outcome", "busy")),
    ];
}
