using System.Text.Json.Nodes;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Scim;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Server.Scim;

/// <summary>
/// /Users: every write goes through <see cref="UserService"/> with the token's caller, so Core's rules, rights and audit
/// apply as to SOAP. A PATCH is applied to the user as written and the result read as a PUT body, so both write alike.
/// </summary>
internal sealed class ScimUsers(IProvisioningStore store, UserService users, ScimUserSearch search)
{
    /// <summary>How often a PATCH is applied to the user as then stored when other writes keep changing it meanwhile.</summary>
    private const int PatchAttempts = 4;

    private static readonly HashSet<string> ReadOnly = new(StringComparer.OrdinalIgnoreCase) { "id", "meta", "groups" };

    public async Task<ScimOutcome> GetAsync(ScimToken token, string id, string baseUrl, CancellationToken cancellationToken) =>
        await FindAsync(token, id, cancellationToken) is { } user ? ScimOutcome.Ok(UserResource.Render(user, baseUrl)) : Missing(id);

    public Task<(ScimPage? Page, ScimError? Error)> ListAsync(ScimToken token, ScimListRequest request, string baseUrl, CancellationToken cancellationToken) =>
        search.ListAsync(token, request, baseUrl, cancellationToken);

    public async Task<ScimOutcome> CreateAsync(ScimToken token, JsonObject body, string baseUrl, CancellationToken cancellationToken)
    {
        var (input, error) = UserInput.Read(body, null);
        if (input is null)
        {
            return error!;
        }
        var user = Bind(new User { Locked = false }, input, token);
        var created = await users.CreateAsync(ScimTokenService.CallerOf(token, "scim:createUser"), user, Password(input), cancellationToken);
        return created.IsOk ? ScimOutcome.Created(UserResource.Render(created.Value, baseUrl)) : ScimFailures.Of(created.ToFailure());
    }

    /// <summary>If-Match is checked again inside the write's transaction, on the user as the write reads it.</summary>
    public async Task<ScimOutcome> ReplaceAsync(ScimToken token, string id, JsonObject body, string? ifMatch, string baseUrl, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, id, cancellationToken) is not { } stored)
        {
            return Missing(id);
        }
        if (ScimPreconditions.Check(ifMatch, UserResource.Render(stored, baseUrl)) is { } failed)
        {
            return failed;
        }
        var (input, error) = UserInput.Read(body, null);
        if (input is null)
        {
            return error!;
        }
        var expected = ifMatch is null ? null : Matching(ifMatch, baseUrl);
        var (outcome, changed) = await UpdateAsync(token, stored, input, expected, "scim:replaceUser", baseUrl, cancellationToken);
        return changed ? Stale(ifMatch!) : outcome;
    }

    /// <summary>
    /// The PATCH is applied to the user as read and written only if the user is still at that version when the write's
    /// transaction reads it. One that lost that race is applied again to the user as it is now (so no change of another
    /// writer is overwritten), up to <see cref="PatchAttempts"/> times; with If-Match, the user is then at another version: 412.
    /// </summary>
    public async Task<ScimOutcome> PatchAsync(ScimToken token, string id, JsonNode? body, string? ifMatch, string baseUrl, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(token, id, cancellationToken) is not { } stored)
            {
                return Missing(id);
            }
            var current = UserResource.Render(stored, baseUrl);
            if (ScimPreconditions.Check(ifMatch, current) is { } failed)
            {
                return failed;
            }
            var patched = (JsonObject)current.DeepClone();
            if (ScimPatch.Apply(patched, body, ReadOnly) is { } invalid)
            {
                return invalid;
            }
            if (JsonNode.DeepEquals(patched, current))
            {
                return ScimOutcome.Ok(current);
            }
            var (input, error) = UserInput.Read(patched, current);
            if (input is null)
            {
                return error!;
            }
            var (outcome, changed) = await UpdateAsync(token, stored, input, Matching(ScimMeta.VersionIn(current)!, baseUrl), "scim:patchUser", baseUrl, cancellationToken);
            if (!changed)
            {
                return outcome;
            }
            if (attempt == PatchAttempts)
            {
                return new ScimError(StatusCodes.Status409Conflict, null, $"The user {id} was changed by other writes during each of {PatchAttempts} attempts; send the PATCH again");
            }
        }
    }

    public async Task<ScimOutcome> DeleteAsync(ScimToken token, string id, string? ifMatch, string baseUrl, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, id, cancellationToken) is not { } stored)
        {
            return Missing(id);
        }
        if (ScimPreconditions.Check(ifMatch, UserResource.Render(stored, baseUrl)) is { } failed)
        {
            return failed;
        }
        var expected = ifMatch is null ? null : Matching(ifMatch, baseUrl);
        var deleted = await users.DeleteAsync(ScimTokenService.CallerOf(token, "scim:deleteUser"), stored.Id, expected, cancellationToken);
        if (deleted.IsOk)
        {
            return ScimOutcome.NoContent;
        }
        var failure = deleted.ToFailure();
        return failure == Failures.ChangedMeanwhile ? Stale(ifMatch!) : await GoneAsync(token, stored, cancellationToken) ?? ScimFailures.Of(failure);
    }

    /// <summary>404 when the user read before the write no longer exists (another request deleted it meanwhile), else null.</summary>
    private async Task<ScimError?> GoneAsync(ScimToken token, User stored, CancellationToken cancellationToken)
    {
        var id = UserResource.Id(stored.Id!.Value);
        return await FindAsync(token, id, cancellationToken) is null ? Missing(id) : null;
    }

    /// <summary>The user of the token's environment with that id; another environment's is as absent as one that never was.</summary>
    public async Task<User?> FindAsync(ScimToken token, string id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId) || userId <= 0)
        {
            return null;
        }
        var user = await store.Users.FindByIdAsync(userId, UserParts.All, cancellationToken);
        return user?.TenantId == token.TenantId ? user : null;
    }

    /// <summary>The update's outcome, or Changed when it was refused because the user was no longer as <paramref name="expected"/> says (the outcome then means nothing).</summary>
    private async Task<(ScimOutcome Outcome, bool Changed)> UpdateAsync(
        ScimToken token, User stored, UserInput input, Func<User, bool>? expected, string operation, string baseUrl, CancellationToken cancellationToken)
    {
        var user = Bind(stored, input, token) with { Id = stored.Id };
        var updated = await users.UpdateAsync(ScimTokenService.CallerOf(token, operation), user, Password(input), expected, cancellationToken);
        if (updated.IsOk)
        {
            return (ScimOutcome.Ok(UserResource.Render(updated.Value, baseUrl)), false);
        }
        var failure = updated.ToFailure();
        if (failure == Failures.ChangedMeanwhile)
        {
            return (ScimOutcome.NoContent, true);
        }
        // Deleted since it was read: Core answers as for a user the caller may not see; SCIM says it is gone.
        return (await GoneAsync(token, stored, cancellationToken) ?? ScimFailures.Of(failure), false);
    }

    /// <summary>The condition, checked inside the write's transaction, that the user is still at a version If-Match names.</summary>
    private static Func<User, bool> Matching(string ifMatch, string baseUrl) =>
        user => ScimPreconditions.Check(ifMatch, UserResource.Render(user, baseUrl)) is null;

    private static ScimError Stale(string ifMatch) =>
        new(StatusCodes.Status412PreconditionFailed, null, $"If-Match {ifMatch} does not name the current version: the user was changed meanwhile");

    /// <summary>
    /// The user to write: the stored one (fields SCIM does not map are kept) with what the request maps. Memberships are
    /// left as they are (Groups change them); absent active keeps the lock as it is.
    /// </summary>
    private static User Bind(User stored, UserInput input, ScimToken token) => stored with
    {
        Tenant = new TenantRef(token.Eid, null),
        LoginName = input.LoginName,
        DisplayName = input.DisplayName,
        Email = input.Email,
        Locked = input.Active is { } active ? !active : stored.Locked,
        ExternalId = input.ExternalId,
        Language = input.Language,
        TimeZone = input.TimeZone,
        AgentId = input.AgentId,
        Extensions = Numbers(stored.Extensions, input),
        Memberships = [],
    };

    /// <summary>
    /// phoneNumbers as the user's extensions: a kept number keeps how it is recorded, a new one is recorded as the
    /// environment records by default (FULL, voice), unless the request set the Verba extension, which then applies to all.
    /// </summary>
    private static Extension[] Numbers(IReadOnlyList<Extension> stored, UserInput input) =>
        input.Numbers.Select(number =>
        {
            var kept = stored.FirstOrDefault(e => string.Equals(e.Address, number, StringComparison.OrdinalIgnoreCase));
            var mode = input.RecordingGiven && input.Mode is { } given ? given : kept?.Mode ?? RecordingMode.Full;
            var media = input.RecordingGiven && input.Media is { } list
                ? MediaChange.FromFlags(list.Contains(Modality.Voice), list.Contains(Modality.Video), list.Contains(Modality.Im), list.Contains(Modality.Screen))
                : kept is not null ? MediaChange.Exactly(kept.Media) : MediaChange.FromFlags(null, null, null, null);
            return new Extension { Address = kept?.Address ?? number, Mode = mode, MediaChange = media, PhoneType = input.NumberTypes.GetValueOrDefault(number) };
        }).ToArray();

    private static string? Password(UserInput input) => input.Password is { } password ? PasswordHasher.Md5Hex(password) : null;

    private static ScimError Missing(string id) => ScimError.NotFound($"No user has id {id}");
}
