using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>
/// What a write tells the recorders' change log: each address whose configuration it changed, and one announcement per
/// environment, so long polls on every instance look again once the write is committed.
/// </summary>
internal static class ConfigurationLog
{
    public static async ValueTask ChangedAsync(IImportSession s, long tenantId, params IEnumerable<string> addresses)
    {
        foreach (var address in addresses.Distinct(StringComparer.Ordinal))
        {
            await s.AppendConfigurationChangeAsync(tenantId, address);
        }
        await s.NotifyAsync(new StoreChange(StoreChangeKind.ConfigurationChanged, tenantId));
    }

    /// <summary>
    /// The user's extensions, when what recorders see of them changed: its login or display name (shown with every
    /// extension it holds), or which extensions it holds and how they are recorded.
    /// </summary>
    public static async ValueTask UserChangedAsync(IWriteSession s, User? before, User after)
    {
        var names = before is null || before.LoginName != after.LoginName || before.DisplayName != after.DisplayName;
        var old = Shown(before);
        var now = Shown(after);
        var changed = names ? old.Keys.Union(now.Keys) : old.Keys.Union(now.Keys).Where(a => !Equals(old.GetValueOrDefault(a), now.GetValueOrDefault(a)));
        var addresses = changed.ToArray();
        if (addresses.Length > 0)
        {
            await ChangedAsync(s, after.TenantId, addresses);
        }
    }

    private static Dictionary<string, (RecordingMode, RecordedMedia)> Shown(User? user) =>
        user?.Extensions.ToDictionary(e => e.Address!, e => (e.Mode, e.Media), StringComparer.Ordinal) ?? [];
}
