using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Resilience;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.Tests.Hosting;

/// <summary>A background task on the store through an outage, on a fake clock: it survives, retries and reports the outage twice.</summary>
public sealed class StoreLoopTests
{
    [Fact]
    public async Task Run_StoreFailsTenTimes_ReportsOnceDownOnceBackAndKeepsRunning()
    {
        var time = new FakeTimeProvider();
        var observer = new Recorder();
        using var loop = new Flaky(time, observer, failures: 10);

        await loop.StartAsync(CancellationToken.None);
        await AdvanceUntilAsync(time, () => loop.Successes >= 2);
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(["down: Flaky: store away"], observer.Failures);
        Assert.Equal([("Flaky", 10)], observer.Recoveries.Select(r => (r.Part, r.Ended.Failures)));
        Assert.Null(loop.ExecuteTask?.Exception);
    }

    [Fact]
    public async Task Run_Retrying_WaitsNoMoreThanFiveSecondsBetweenAttempts()
    {
        var time = new FakeTimeProvider();
        using var loop = new Flaky(time, new Recorder(), failures: 1_000);

        await loop.StartAsync(CancellationToken.None);
        await AdvanceUntilAsync(time, () => loop.Attempts >= 12);
        await loop.StopAsync(CancellationToken.None);

        var gaps = loop.AttemptTimes.Zip(loop.AttemptTimes.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(gaps, gap => Assert.InRange(gap, TimeSpan.FromMilliseconds(500), Outage.MaxDelay));
        Assert.Equal(Outage.MaxDelay, gaps[^1]);
    }

    /// <summary>Moves the fake clock on in small steps until the loop got where the test wants it.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the loop did not get there");
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(1);
        }
    }

    private sealed class Flaky(FakeTimeProvider time, IOutageObserver observer, int failures) : StoreLoop(time, observer)
    {
        private readonly FakeTimeProvider _time = time;
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public int Successes => Math.Max(0, Attempts - failures);

        public ConcurrentQueue<DateTimeOffset> AttemptTimes { get; } = new();

        protected override string Name => "Flaky";

        protected override TimeSpan Period => TimeSpan.FromMinutes(1);

        protected override bool RunsAtStart => true;

        protected override Task RunOnceAsync(CancellationToken cancellationToken)
        {
            AttemptTimes.Enqueue(_time.GetUtcNow());
            return Interlocked.Increment(ref _attempts) <= failures ? throw new IOException("store away") : Task.CompletedTask;
        }
    }

    private sealed class Recorder : IOutageObserver
    {
        public ConcurrentQueue<string> Failures { get; } = new();

        public ConcurrentQueue<(string Part, OutageEnded Ended)> Recoveries { get; } = new();

        public void Failed(string part, Exception error) => Failures.Enqueue($"down: {part}: {error.Message}");

        public void Recovered(string part, OutageEnded ended) => Recoveries.Enqueue((part, ended));
    }
}
