using Provisioning.Core.Model;
using Provisioning.Core.Operator;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Import;

/// <summary>
/// Bulk import of users with their extensions. Each row goes through <see cref="UserService"/> as createUser or
/// updateUser would: new users <see cref="UserService.BulkBatch"/> to a transaction (<see cref="UserService.CreateAllAsync"/>),
/// changed ones in a transaction each; an interrupted import leaves whole rows. A row's extensions become exactly the user's: missing ones are created with the create defaults,
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
        // Stopping at the first rejected row, or writing nothing, goes row by row; otherwise new users are created
        // UserService.BulkBatch to a transaction, and the reports still come in the file's order.
        var chunk = options.StopOnError || options.DryRun ? 1 : UserService.BulkBatch;
        foreach (var batch in records.Chunk(chunk))
        {
            var rows = await ChunkAsync(caller, batch, options.DryRun, seen, tenants, cancellationToken);
            foreach (var row in rows)
            {
                report(row);
                summary = summary.Add([row]);
                if (summary.Rows % options.BatchSize == 0)
                {
                    progress?.Invoke(summary = summary with { Batches = summary.Batches + 1 });
                }
            }
            if (options.StopOnError && rows.Any(r => r.Outcome == ImportOutcome.Rejected))
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

    /// <summary>
    /// The rows' reports in order. A new user is created with its numbers in one bulk create; one whose number exists
    /// already (it is then taken over) or that the bulk create refused as a duplicate goes the row-by-row way.
    /// </summary>
    private async Task<RowReport[]> ChunkAsync(Caller caller, UserRecord[] records, bool dryRun, KeyFingerprints seen, Dictionary<string, Result<Tenant>> tenants, CancellationToken ct)
    {
        var reports = new RowReport[records.Length];
        var creates = new List<(int Index, Row Row)>(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            var (report, row) = await CheckAsync(caller, records[i], dryRun, seen, tenants, ct);
            if (report is not null)
            {
                reports[i] = report;
            }
            else if (records.Length > 1 && row!.Stored is null)
            {
                creates.Add((i, row));
            }
            else
            {
                reports[i] = await WriteAsync(caller, row!, ct);
            }
        }
        if (creates.Count == 0)
        {
            return reports;
        }
        var created = await users.CreateAllAsync(caller, creates.Select(c => (New(c.Row) with
        {
            Extensions = c.Row.Addresses.DistinctBy(Keys.Fold).Select(a => new Extension { Address = a, MediaChange = MediaChange.FromFlags(null, null, null, null) }).ToArray(),
        }, (string?)null)).ToArray(), ct);
        for (var j = 0; j < creates.Count; j++)
        {
            var (index, row) = creates[j];
            reports[index] = created[j] switch
            {
                { IsOk: true } => new RowReport(row.Record.Line, ImportOutcome.Created, null),
                var failed when failed.ToFailure().Outcome == Outcome.AlreadyExists => await WriteAsync(caller, row with
                {
                    Stored = await store.Users.FindByLoginAsync(row.Tenant.Id, row.Record.LoginName!, UserParts.All, ct),
                }, ct),
                var failed => Rejected(row.Record, failed.ToFailure()),
            };
        }
        return reports;
    }

    /// <summary>A row that passed the checks: what it asks for, and the user it names as stored (null: a new one).</summary>
    private sealed record Row(UserRecord Record, Tenant Tenant, bool? Locked, IReadOnlyList<string> Addresses, User? Stored);

    /// <summary>The row's report when the checks decide it (rejected, unchanged, a dry run), else the row to write.</summary>
    private async Task<(RowReport? Report, Row? Row)> CheckAsync(Caller caller, UserRecord record, bool dryRun, KeyFingerprints seen, Dictionary<string, Result<Tenant>> tenants, CancellationToken ct)
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
            return (Rejected(record, invalid), null);
        }
        var stored = await store.Users.FindByLoginAsync(tenant.Value.Id, record.LoginName!, UserParts.All, ct);
        var addresses = WireText.List(record.Extensions);
        if (stored is not null && Same(stored, record, locked, addresses))
        {
            return (new RowReport(record.Line, ImportOutcome.Unchanged, null), null);
        }
        var row = new Row(record, tenant.Value, locked, addresses, stored);
        if (dryRun)
        {
            var basis = stored ?? new User { Tenant = new TenantRef(tenant.Value.Eid, null), LoginName = record.LoginName };
            if (UserRules.Check(Apply(basis, record, locked), null, caller) is { } wrong)
            {
                return (Rejected(record, wrong), null);
            }
            return (new RowReport(record.Line, stored is null ? ImportOutcome.Created : ImportOutcome.Updated, null), null);
        }
        return (null, row);
    }

    private static User New(Row row) => Apply(new User { Tenant = new TenantRef(row.Tenant.Eid, null), LoginName = row.Record.LoginName }, row.Record, row.Locked);

    /// <summary>One row in transactions of its own: the user created if new, then its numbers made exactly the listed ones.</summary>
    private async Task<RowReport> WriteAsync(Caller caller, Row row, CancellationToken ct)
    {
        var (record, tenant, locked, addresses, stored) = row;
        var tenantRef = new TenantRef(tenant.Eid, null);
        var outcome = stored is null ? ImportOutcome.Created : ImportOutcome.Updated;
        if (stored is null)
        {
            var created = await users.CreateAsync(caller, New(row), null, ct);
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
        var extensions = await DesiredAsync(tenant.Id, stored, addresses, ct);
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
