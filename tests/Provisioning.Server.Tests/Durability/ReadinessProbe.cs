namespace Provisioning.Server.Tests.Durability;

/// <summary>/readyz of a server process, polled until it answers what a test waits for.</summary>
internal static class ReadinessProbe
{
    public static async Task<int> StatusAsync(HttpClient http, Uri readyz)
    {
        using var response = await http.GetAsync(readyz);
        return (int)response.StatusCode;
    }

    /// <summary>Polls until /readyz answers <paramref name="status"/>; returns how long that took.</summary>
    public static async Task<TimeSpan> UntilAsync(HttpClient http, Uri readyz, int status)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await StatusAsync(http, readyz) != status)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"/readyz did not answer {status} within a minute");
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }

    public static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
