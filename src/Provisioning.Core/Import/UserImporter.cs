using Provisioning.Core.Model;
using Provisioning.Core.Operator;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Import;

/// <summary>
/// Bulk import of users with their extensions. Users are fewer than extensions and carry more rules, so each row goes
/// through <see cref="UserService"/> as createUser or updateUser would, in a transaction of its own: an interrupted import
/// leaves whole rows. A row's extensions become exactly the user's: missing ones are created with the create defaults,
/// others are taken over with their settings, and the user's extensions not listed are unlinked.
/// </summary>
public sealed class UserImporter(IProvisioningStore store, TenantAccess access, UserService users, UserAccounts accounts)
{
    public async Task<ImportSummary> ImportAsync(
        Caller caller,
        IEnumerable<UserRecord> records,
        ImportOptions options,
        Action<RowReport> report,
        Action<ImportSummary>? progress,
        CancellationToken cancellationToken)
    {
        var seen = new KeyFingerprints();
        var tenants = new Dictionary<string, Result<Tenant>>(StringComparer.Ordinal);
        var summary = ImportSummary.Empty;
        foreach (var record in records)
        {
            var row = await OneAsync(caller, record, options.DryRun, seen, tenants, cancellationToken);
            report(row);
            summary = summary.Add([row]);
            if (summary.Rows % options.BatchSize == 0)
            {
                progress?.Invoke(summary = summary with { Batches = summary.Batches + 1 });
            }
            if (options.StopOnError && row.Outcome == ImportOutcome.Rejected)
            {
                summary = summary with { Stopped = true };
                break;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                summary = summary with { Interrupted = true };
                break;
            }
        }
        progress?.Invoke(summary);
        return summary;
    }

    private async Task<RowReport> OneAsync(Caller caller, UserRecord record, bool dryRun, KeyFingerprints seen, Dictionary<string, Result<Tenant>> tenants, CancellationToken ct)
    {
        var key = record.Eid ?? string.Empty;
        if (!tenants.TryGetValue(key, out var tenant))
        {
            tenants[key] = tenant = await access.ResolveAsync(caller, new TenantRef(record.Eid, null), "user", ct);
        }
        Failure? failure = tenant.IsOk ? Rules.Required(record.LoginName, "user.loginName") : tenant.ToFailure();
        var locked = WireText.Bool(record.Locked, "user.locked", ref failure);
        if (failure is null && seen.Add(tenant.Value.Id, Keys.Fold(record.LoginName!), record.Line) is { } first)
        {
            failure = Failures.Illegal($"user.loginName '{record.LoginName}' is in the file already, at line {first}");
        }
        if (failure is { } invalid)
        {
            return Rejected(record, invalid);
        }
        var stored = await store.Users.FindByLoginAsync(tenant.Value.Id, record.LoginName!, UserParts.All, ct);
        var addresses = WireText.List(record.Extensions);
        if (stored is not null && Same(stored, record, locked, addresses))
        {
            return new RowReport(record.Line, ImportOutcome.Unchanged, null);
        }
        if (dryRun)
        {
            var basis = stored ?? new User { Tenant = new TenantRef(tenant.Value.Eid, null), LoginName = record.LoginName };
            if (UserRules.Check(Apply(basis, record, locked), null, caller) is { } wrong)
            {
                return Rejected(record, wrong);
            }
            return new RowReport(record.Line, stored is null ? ImportOutcome.Created : ImportOutcome.Updated, null);
        }
        var tenantRef = new TenantRef(tenant.Value.Eid, null);
        var outcome = stored is null ? ImportOutcome.Created : ImportOutcome.Updated;
        if (stored is null)
        {
            var created = await users.CreateAsync(caller, Apply(new User { Tenant = tenantRef, LoginName = record.LoginName }, record, locked), null, ct);
            if (!created.IsOk)
            {
                return Rejected(record, created.ToFailure());
            }
            stored = created.Value;
            if (addresses.Count == 0)
            {
                return new RowReport(record.Line, ImportOutcome.Created, null);
            }
        }
        var extensions = await DesiredAsync(tenant.Value.Id, stored, addresses, ct);
        var updated = await accounts.ModifyAsync(caller, tenantRef, stored.LoginName, u => Apply(u, record, locked) with { Extensions = extensions }, null, ct);
        return updated.IsOk ? new RowReport(record.Line, outcome, null) : Rejected(record, updated.ToFailure());
    }

    private static User Apply(User user, UserRecord r, bool? locked) => user with
    {
        DisplayName = UserRecord.Value(r.DisplayName),
        Email = UserRecord.Value(r.Email),
        ExternalId = UserRecord.Value(r.ExternalId),
        AgentId = UserRecord.Value(r.AgentId),
        Language = UserRecord.Value(r.Language),
        TimeZone = UserRecord.Value(r.TimeZone),
        Locked = locked,
        Roles = WireText.List(r.Roles),
    };

    private static bool Same(User stored, UserRecord r, bool? locked, IReadOnlyList<string> addresses) =>
        stored.DisplayName == UserRecord.Value(r.DisplayName) && stored.Email == UserRecord.Value(r.Email)
        && stored.ExternalId == UserRecord.Value(r.ExternalId) && stored.AgentId == UserRecord.Value(r.AgentId)
        && stored.Language == UserRecord.Value(r.Language) && stored.TimeZone == UserRecord.Value(r.TimeZone)
        && stored.Locked == locked && stored.Roles.SequenceEqual(WireText.List(r.Roles))
        && stored.Extensions.Select(e => Keys.Fold(e.Address!)).ToHashSet().SetEquals(addresses.Select(Keys.Fold));

    /// <summary>The extensions to list: the user's own and other stored ones keep their settings; new ones get the defaults.</summary>
    private async Task<IReadOnlyList<Extension>> DesiredAsync(long tenantId, User stored, IReadOnlyList<string> addresses, CancellationToken ct)
    {
        var own = stored.Extensions.ToDictionary(e => Keys.Fold(e.Address!));
        var desired = new List<Extension>(addresses.Count);
        foreach (var address in addresses.DistinctBy(Keys.Fold))
        {
            var existing = own.GetValueOrDefault(Keys.Fold(address)) ?? await store.Extensions.FindAsync(new ExtensionKey(tenantId, null, address), ct);
            desired.Add(existing is null
                ? new Extension { Address = address, MediaChange = MediaChange.FromFlags(null, null, null, null) }
                : UserAccounts.Keep(existing));
        }
        return desired;
    }

    private static RowReport Rejected(UserRecord record, Failure why) => new(record.Line, ImportOutcome.Rejected, why.Message);
}
