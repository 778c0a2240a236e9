using Microsoft.Extensions.Time.Testing;
using Provisioning.Server.Observability;

namespace Provisioning.Server.Tests.Observability;

public sealed class RepeatedErrorsTests
{
    [Fact]
    public void IsFirst_SameKindRepeated_OnlyTheFirstIsLoggedInFull()
    {
        using var errors = new RepeatedErrors(new FakeTimeProvider(), (_, _) => { });

        var first = Enumerable.Range(0, 1000).Select(_ => errors.IsFirst("disk full")).ToArray();

        Assert.Equal(1, first.Count(f => f));
        Assert.True(first[0]);
    }

    [Fact]
    public void IsFirst_AnotherKind_IsLoggedInFullToo()
    {
        using var errors = new RepeatedErrors(new FakeTimeProvider(), (_, _) => { });
        errors.IsFirst("disk full");

        Assert.True(errors.IsFirst("connection refused"));
    }

    [Fact]
    public void Summary_AfterAMinute_OneLinePerKindWithTheRepeats()
    {
        var time = new FakeTimeProvider();
        var summaries = new List<(string Kind, long Count)>();
        using var errors = new RepeatedErrors(time, (kind, count) => summaries.Add((kind, count)));
        for (var i = 0; i < 31_878; i++)
        {
            errors.IsFirst("disk full");
        }
        errors.IsFirst("connection refused");

        time.Advance(RepeatedErrors.Interval);

        Assert.Equal([("disk full", 31_877)], summaries);
    }

    [Fact]
    public void Summary_KindStillRepeating_CountsEachMinuteAfresh()
    {
        var time = new FakeTimeProvider();
        var summaries = new List<long>();
        using var errors = new RepeatedErrors(time, (_, count) => summaries.Add(count));
        errors.IsFirst("disk full");
        errors.IsFirst("disk full");
        time.Advance(RepeatedErrors.Interval);

        errors.IsFirst("disk full");
        errors.IsFirst("disk full");
        errors.IsFirst("disk full");
        time.Advance(RepeatedErrors.Interval);

        Assert.Equal([1, 3], summaries);
    }

    [Fact]
    public void IsFirst_AfterAQuietMinute_IsLoggedInFullAgain()
    {
        var time = new FakeTimeProvider();
        using var errors = new RepeatedErrors(time, (_, _) => { });
        errors.IsFirst("disk full");
        errors.IsFirst("disk full");
        time.Advance(RepeatedErrors.Interval);
        Assert.False(errors.IsFirst("disk full"));
        time.Advance(RepeatedErrors.Interval);
        time.Advance(RepeatedErrors.Interval);

        Assert.True(errors.IsFirst("disk full"));
    }

    [Fact]
    public void IsFirst_EndlesslyVaryingKinds_AreCountedTogetherOnceTheTableIsFull()
    {
        var time = new FakeTimeProvider();
        var summaries = new List<string>();
        using var errors = new RepeatedErrors(time, (kind, _) => summaries.Add(kind));

        var full = Enumerable.Range(0, 10_000).Count(i => errors.IsFirst($"row {i} is broken"));
        time.Advance(RepeatedErrors.Interval);

        Assert.Equal(257, full);
        Assert.Equal(["Other errors"], summaries);
    }

    [Fact]
    public void Describe_WrappedSocketError_NamesBothOnOneLine()
    {
        var error = new InvalidOperationException("Failed to connect", new IOException("Connection refused"));

        Assert.Equal("InvalidOperationException: Failed to connect (IOException: Connection refused)", RepeatedErrors.Describe(error));
    }
}
