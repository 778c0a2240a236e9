using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>createEnvironment, updateEnvironment, getEnvironmentByEid, getEnvironmentByShortName, listEnvironments.</summary>
public sealed class TenantService(IProvisioningStore store, ApiLimits limits, StorageOptions storage, TimeProvider time)
{
    private readonly ITenantStore _tenants = store.Tenants;

    public async Task<Result<Tenant>> CreateAsync(Caller caller, Tenant input, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        if (Check(input) is { } invalid)
        {
            return invalid;
        }
        if ((StorageDefaults.Check(input.ArchiveAtAgeHours, "archiveAtAgeHours") ?? StorageDefaults.Check(input.DeleteAtAgeHours, "deleteAtAgeHours")) is { } badHours)
        {
            return badHours;
        }
        var write = await _tenants.CreateAsync(input with { Id = 0 }, StorageDefaults.For(input, storage), caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, input);
    }

    public async Task<Result> UpdateAsync(Caller caller, Tenant input, CancellationToken cancellationToken)
    {
        if (Rules.Eid(input.Eid, "environment.eid") is { } badEid)
        {
            return badEid;
        }
        var stored = await _tenants.FindByEidAsync(input.Eid!, cancellationToken);
        if (stored is null || !caller.MayActOn(stored.Id))
        {
            return caller.IsSystemAdministrator ? Failures.DoesNotExist("environment.eid", input.Eid!) : Failures.PermissionDenied;
        }
        if (Check(input) is { } invalid)
        {
            return invalid;
        }
        // updateEnvironment carries no retention (createEnvironment takes it beside the environment): what was stored stays.
        var kept = input with
        {
            Id = stored.Id,
            Eid = stored.Eid,
            ArchiveAtAgeHours = stored.ArchiveAtAgeHours,
            DeleteAtAgeHours = stored.DeleteAtAgeHours,
            ArchivePath = stored.ArchivePath,
        };
        var write = await _tenants.UpdateAsync(kept, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, input).ToResult();
    }

    /// <summary>Deletes an environment that no longer holds users or extensions; a System Administrator's only.</summary>
    public async Task<Result> DeleteAsync(Caller caller, string? eid, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        if (Rules.Eid(eid, "eid") is { } badEid)
        {
            return badEid;
        }
        var stored = await _tenants.FindByEidAsync(eid!, cancellationToken);
        if (stored is null)
        {
            return Failures.DoesNotExist("eid", eid!);
        }
        var write = await _tenants.DeleteAsync(stored.Id, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return write.Status switch
        {
            WriteStatus.Ok => Result.Ok(),
            WriteStatus.NotFound => Failures.DoesNotExist("eid", eid!),
            _ => write.Refusal ?? Failures.Illegal("The environment cannot be deleted"),
        };
    }

    public async Task<Result<Tenant>> GetByEidAsync(Caller caller, string? eid, CancellationToken cancellationToken)
    {
        if (Rules.Required(eid, "eid") is { } missing)
        {
            return missing;
        }
        return Visible(caller, await _tenants.FindByEidAsync(eid!, cancellationToken), $"The environment with eid '{eid}' was not found");
    }

    public async Task<Result<Tenant>> GetByShortNameAsync(Caller caller, string? shortName, CancellationToken cancellationToken)
    {
        if (Rules.Required(shortName, "shortName") is { } missing)
        {
            return missing;
        }
        return Visible(caller, await _tenants.FindByShortNameAsync(shortName!, cancellationToken), $"The environment with short name '{shortName}' was not found");
    }

    public async Task<Result<IReadOnlyList<Tenant>>> ListAsync(Caller caller, TenantFilter? filter, CancellationToken cancellationToken)
    {
        var found = await _tenants.ListAsync(TenantAccess.ToQuery(caller, filter ?? TenantFilter.Any), limits.MaxListResults + 1, cancellationToken);
        return found.Count switch
        {
            0 => Failures.NotFound("No environment matches the filter"),
            var n when n > limits.MaxListResults => Failures.TooManyResults(limits.MaxListResults),
            _ => Result<IReadOnlyList<Tenant>>.Ok(found),
        };
    }

    private static Result<Tenant> Visible(Caller caller, Tenant? tenant, string notFound)
    {
        if (tenant is not null && caller.MayActOn(tenant.Id))
        {
            return Result<Tenant>.Ok(tenant);
        }
        // Another tenant's environment, existing or not, is not this caller's business.
        return caller.IsSystemAdministrator ? Failures.NotFound(notFound) : Failures.PermissionDenied;
    }

    private static Failure? Check(Tenant input) =>
        Rules.Eid(input.Eid, "environment.eid")
        ?? Rules.RequiredText(input.ShortName, "environment.shortName", ApiLimits.ShortNameLength)
        ?? Rules.MaxLength(input.DisplayName, "environment.displayName", ApiLimits.TextLength)
        ?? Rules.MaxLength(input.HelpdeskUrl, "environment.helpdeskURL", ApiLimits.UrlLength)
        ?? Rules.MaxLength(input.ArchivePath, "archivePath", ApiLimits.UrlLength)
        ?? Rules.NotNegative(input.OndemandMaxCallAgeHoursInBuffer, "environment.ondemandMaxCallAgeHoursInBuffer")
        ?? Rules.NotNegative(input.OndemandMaxRowsInBufferPerUser, "environment.ondemandMaxRowsInBufferPerUser")
        ?? Rules.NotNegative(input.ArchiveAtAgeHours, "archiveAtAgeHours")
        ?? Rules.NotNegative(input.DeleteAtAgeHours, "deleteAtAgeHours")
        ?? (input.Partitions.Count > 1000 ? Failures.Illegal("environment.partitions: at most 1000 are allowed") : null);

    private static Result<Tenant> ToResult(StoreWrite<Tenant> write, Tenant input) => write.Status switch
    {
        WriteStatus.Ok => Result<Tenant>.Ok(write.Value!),
        WriteStatus.Duplicate when write.Key == StoreKey.ShortName => Failures.Exists("environment", "shortName", input.ShortName!),
        WriteStatus.Duplicate => Failures.Exists("environment", "eid", input.Eid!),
        WriteStatus.NotFound => Failures.DoesNotExist("environment.eid", input.Eid!),
        _ => write.Refusal ?? Failures.Illegal("The change was refused"),
    };
}
