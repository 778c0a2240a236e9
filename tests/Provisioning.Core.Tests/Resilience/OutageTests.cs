using Provisioning.Core.Resilience;

namespace Provisioning.Core.Tests.Resilience;

public sealed class OutageTests
{
    [Fact]
    public void Failed_ManyTimes_ReportsOnlyTheFirst()
    {
        var outage = new Outage(new ManualClock());

        var reported = Enumerable.Range(0, 50).Select(_ => outage.Failed()).ToArray();

        Assert.Equal(1, reported.Count(r => r));
        Assert.True(reported[0]);
        Assert.True(outage.IsDown);
    }

    [Fact]
    public void Succeeded_AfterFailures_ReportsTheOutageOnceWithItsLengthAndFailures()
    {
        var clock = new ManualClock();
        var outage = new Outage(clock);
        outage.Failed();
        clock.Now += TimeSpan.FromSeconds(30);
        outage.Failed();
        outage.Failed();

        var ended = outage.Succeeded();
        var again = outage.Succeeded();

        Assert.Equal(new OutageEnded(TimeSpan.FromSeconds(30), 3), ended);
        Assert.Null(again);
        Assert.False(outage.IsDown);
    }

    [Fact]
    public void Succeeded_WithoutOutage_ReportsNothing()
    {
        Assert.Null(new Outage(new ManualClock()).Succeeded());
    }

    [Fact]
    public void NextDelay_RepeatedFailures_DoublesFromHalfASecondUpToFiveSeconds()
    {
        var outage = new Outage(new ManualClock());

        var delays = Enumerable.Range(0, 7).Select(_ => outage.NextDelay().TotalSeconds).ToArray();

        Assert.Equal([0.5, 1, 2, 4, 5, 5, 5], delays);
    }

    [Fact]
    public void NextDelay_AfterSuccess_StartsAgainAtHalfASecond()
    {
        var outage = new Outage(new ManualClock());
        outage.Failed();
        outage.NextDelay();
        outage.NextDelay();
        outage.NextDelay();

        outage.Succeeded();

        Assert.Equal(Outage.FirstDelay, outage.NextDelay());
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
