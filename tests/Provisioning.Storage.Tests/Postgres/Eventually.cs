namespace Provisioning.Storage.Tests.Postgres;

/// <summary>Waits for what another connection does in its own time (a LISTEN, a notification), up to a bound.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> until it holds or <see cref="Patience"/> has passed; the caller asserts what it needs.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
