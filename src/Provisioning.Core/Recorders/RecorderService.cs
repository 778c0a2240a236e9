using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Recorders;

/// <summary>The operator's registry of recorders (spec §7): add (issuing a secret), list, show, remove, rotate the secret.</summary>
public sealed class RecorderService(IProvisioningStore store, TimeProvider time)
{
    public const int MaxNameLength = 64;

    public async Task<Result<IssuedSecret>> AddAsync(Caller caller, string? name, IReadOnlyList<string> eids, string? pushUrl, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        if (CheckName(name) is { } bad)
        {
            return bad;
        }
        if (pushUrl is not null && !IsHttpUrl(pushUrl))
        {
            return Failures.Invalid("push URL", pushUrl, "an absolute http or https URL");
        }
        var environments = await EnvironmentsAsync(eids, cancellationToken);
        if (!environments.IsOk)
        {
            return environments.ToFailure();
        }
        var secret = RecorderSecrets.NewSecret();
        var now = time.GetUtcNow();
        var recorder = new Recorder { Name = name!, Environments = environments.Value, PushUrl = pushUrl, CreatedAt = now };
        var written = await store.Recorders.AddAsync(recorder, RecorderSecrets.Hash(secret), caller.ActorAt(now), cancellationToken);
        return written.IsOk ? Result<IssuedSecret>.Ok(new IssuedSecret(written.Value!, secret)) : Failures.Exists("recorder", "name", name!);
    }

    public async Task<Result<IReadOnlyList<RecorderStatus>>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        var recorders = await store.Recorders.Reads.ListAsync(cancellationToken);
        var listed = new List<RecorderStatus>(recorders.Count);
        foreach (var recorder in recorders)
        {
            listed.Add(new RecorderStatus(recorder, await CurrentRevisionAsync(recorder, cancellationToken)));
        }
        return Result<IReadOnlyList<RecorderStatus>>.Ok(listed);
    }

    public async Task<Result<RecorderStatus>> ShowAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        return await store.Recorders.Reads.FindAsync(name, cancellationToken) is { } recorder
            ? Result<RecorderStatus>.Ok(new RecorderStatus(recorder, await CurrentRevisionAsync(recorder, cancellationToken)))
            : NotFound(name);
    }

    public async Task<Result> RemoveAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        var removed = await store.Recorders.RemoveAsync(name, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return removed.IsOk ? Result.Ok() : NotFound(name);
    }

    /// <summary>Issues a new secret; the old one stops working at once.</summary>
    public async Task<Result<IssuedSecret>> RotateSecretAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        var secret = RecorderSecrets.NewSecret();
        var written = await store.Recorders.SetSecretAsync(name, RecorderSecrets.Hash(secret), caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return written.IsOk ? Result<IssuedSecret>.Ok(new IssuedSecret(written.Value!, secret)) : NotFound(name);
    }

    /// <summary>The revision of the recorder's configuration now: the newest change in its environments, or the horizon if that is newer.</summary>
    public async Task<long> CurrentRevisionAsync(Recorder recorder, CancellationToken cancellationToken)
    {
        var reads = store.Recorders.Reads;
        return Math.Max(await reads.RevisionAsync(recorder.EnvironmentKeys, cancellationToken), await reads.HorizonAsync(cancellationToken));
    }

    private static Failure? CheckName(string? name) => name switch
    {
        null or "" => Failures.Mandatory("name"),
        { Length: > MaxNameLength } => Failures.TooLong("name", name.Length, MaxNameLength),
        _ when name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/') => Failures.Invalid("name", name, "a name without spaces or '/'"),
        _ => null,
    };

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The eids as their environments spell them; 0000 (every environment) needs none to exist.</summary>
    private async Task<Result<IReadOnlyList<string>>> EnvironmentsAsync(IReadOnlyList<string> eids, CancellationToken cancellationToken)
    {
        if (eids.Count == 0)
        {
            return Failures.Mandatory("eid");
        }
        var found = new List<string>(eids.Count);
        foreach (var eid in eids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (string.Equals(eid, Recorder.EveryEnvironment, StringComparison.Ordinal))
            {
                found.Add(eid);
                continue;
            }
            if (await store.Tenants.FindByEidAsync(eid, cancellationToken) is not { } tenant)
            {
                return Failures.DoesNotExist("eid", eid);
            }
            found.Add(tenant.Eid!);
        }
        return Result<IReadOnlyList<string>>.Ok(found);
    }

    private static Failure NotFound(string name) => Failures.NotFound($"No recorder is named {name}");
}
