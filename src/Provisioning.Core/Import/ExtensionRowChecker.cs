using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Import;

/// <summary>
/// Checks import rows as createExtension checks its extension, with the same messages: the environment (which the caller
/// may act on), the address, the mode, the flags, the user (by login name, in that environment), and that no earlier row
/// of the file has the same address. Environments and users are looked up once per run and batch, not once per row.
/// </summary>
internal sealed class ExtensionRowChecker(IProvisioningStore store, TenantAccess access, Caller caller)
{
    private const string Root = "extension";
    private readonly Dictionary<string, Result<Tenant>> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<(long Tenant, string Login), long?> _users = [];
    private readonly KeyFingerprints _seen = new();

    public async Task<CheckedBatch> CheckAsync(IReadOnlyList<ExtensionRecord> records, CancellationToken cancellationToken)
    {
        var parsed = new (Tenant? Tenant, ExtensionWrite? Row, Failure? Failure)[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            parsed[i] = await ParseAsync(records[i], cancellationToken);
        }
        await LookUpUsersAsync(records, parsed, cancellationToken);
        var rows = new List<(int, ExtensionWrite)>(records.Count);
        var rejected = new List<(int, RowReport)>();
        for (var i = 0; i < records.Count; i++)
        {
            var (tenant, row, failure) = parsed[i];
            var record = records[i];
            if (failure is null && UserOf(tenant!, record) is var (found, userId))
            {
                failure = found ? null : Failures.DoesNotExist($"{Root}.userLoginName", record.UserLoginName!);
                row = row! with { UserId = userId };
            }
            if (failure is null && _seen.Add(tenant!.Id, Keys.Fold(row!.Address), record.Line) is { } first)
            {
                failure = Failures.Illegal($"{ExtensionFields.V2.Address} '{row.Address}' is in the file already, at line {first}");
            }
            if (failure is { } why)
            {
                rejected.Add((i, new RowReport(record.Line, ImportOutcome.Rejected, why.Message)));
            }
            else
            {
                rows.Add((i, row!));
            }
        }
        return new CheckedBatch(records, rows, rejected);
    }

    private async Task<(Tenant?, ExtensionWrite?, Failure?)> ParseAsync(ExtensionRecord record, CancellationToken cancellationToken)
    {
        var tenant = await TenantAsync(record.Eid, cancellationToken);
        if (!tenant.IsOk)
        {
            return (null, null, tenant.ToFailure());
        }
        var failure = Rules.RequiredText(record.Extension, ExtensionFields.V2.Address, ApiLimits.ExtensionLength);
        var mode = WireText.Mode(record.RecordingMode, $"{Root}.recordingMode", ref failure);
        var voice = WireText.Bool(record.Voice, $"{Root}.voice", ref failure);
        var im = WireText.Bool(record.Im, $"{Root}.im", ref failure);
        var video = WireText.Bool(record.Video, $"{Root}.video", ref failure);
        var screen = WireText.Bool(record.ScreenCaptureEnabled, $"{Root}.screenCaptureEnabled", ref failure);
        if (failure is not null)
        {
            return (tenant.Value, null, failure);
        }
        var media = MediaChange.FromFlags(voice, video, im, screen);
        return (tenant.Value, new ExtensionWrite(tenant.Value.Id, record.Extension!, mode ?? RecordingMode.Full, media, null), null);
    }

    private async Task<Result<Tenant>> TenantAsync(string? eid, CancellationToken cancellationToken)
    {
        var key = eid ?? string.Empty;
        if (!_tenants.TryGetValue(key, out var tenant))
        {
            tenant = await access.ResolveAsync(caller, new TenantRef(eid, null), Root, cancellationToken);
            _tenants[key] = tenant;
        }
        return tenant;
    }

    /// <summary>Looks up, one query per environment, the login names of this batch that no earlier batch looked up.</summary>
    private async Task LookUpUsersAsync(IReadOnlyList<ExtensionRecord> records, (Tenant? Tenant, ExtensionWrite? Row, Failure? Failure)[] parsed, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<long, HashSet<string>>();
        for (var i = 0; i < records.Count; i++)
        {
            if (parsed[i] is { Failure: null, Tenant: { } tenant } && !string.IsNullOrEmpty(records[i].UserLoginName)
                && !_users.ContainsKey((tenant.Id, Keys.Fold(records[i].UserLoginName!))))
            {
                (wanted.TryGetValue(tenant.Id, out var set) ? set : wanted[tenant.Id] = new HashSet<string>(StringComparer.Ordinal)).Add(Keys.Fold(records[i].UserLoginName!));
            }
        }
        foreach (var (tenantId, logins) in wanted)
        {
            var ids = await store.Users.FindIdsByLoginAsync(tenantId, logins, cancellationToken);
            foreach (var login in logins)
            {
                _users[(tenantId, login)] = ids.TryGetValue(login, out var id) ? id : null;
            }
        }
    }

    /// <summary>Whether the row names a user, and if so whether it exists and its id; null when it names none.</summary>
    private (bool Found, long? Id)? UserOf(Tenant tenant, ExtensionRecord record)
    {
        if (string.IsNullOrEmpty(record.UserLoginName))
        {
            return null;
        }
        var id = _users[(tenant.Id, Keys.Fold(record.UserLoginName))];
        return (id is not null, id);
    }
}
