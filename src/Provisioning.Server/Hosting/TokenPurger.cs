using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Server.Hosting;

/// <summary>Removes tokens a day after they expired or were released, once an hour, so the token table stays small.</summary>
internal sealed class TokenPurger(IProvisioningStore store, TokenOptions options, TimeProvider time, ILogger<TokenPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var count = await store.Tokens.PurgeTokensAsync(time.GetUtcNow() - options.MaxLifetime - TimeSpan.FromDays(1), stoppingToken);
            if (count > 0)
            {
                Log.TokensPurged(logger, count);
            }
        }
    }
}
