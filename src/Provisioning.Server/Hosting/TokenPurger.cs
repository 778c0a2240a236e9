using Provisioning.Core.Resilience;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Server.Hosting;

/// <summary>Removes tokens a day after they expired or were released, once an hour, so the token table stays small.</summary>
internal sealed class TokenPurger(IProvisioningStore store, TokenOptions options, TimeProvider time, IOutageObserver observer, ILogger<TokenPurger> logger)
    : StoreLoop(time, observer)
{
    private readonly TimeProvider _time = time;

    protected override string Name => "Token purge";

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override bool RunsAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var count = await store.Tokens.PurgeTokensAsync(_time.GetUtcNow() - options.MaxLifetime - TimeSpan.FromDays(1), cancellationToken);
        if (count > 0)
        {
            Log.TokensPurged(logger, count);
        }
    }
}
