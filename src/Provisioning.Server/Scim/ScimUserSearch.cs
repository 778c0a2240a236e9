using System.Globalization;
using Provisioning.Core.Model;
using Provisioning.Core.Scim;
using Provisioning.Core.Storage;
using Provisioning.Server.Scim.Filters;

namespace Provisioning.Server.Scim;

/// <summary>
/// Lists users of the token's environment. A filter that requires userName eq, externalId eq or id eq (alone or in an
/// "and") is answered from the store's indexes, then checked in full in memory; no filter is a count and one page. Any
/// other filter is evaluated in memory over the environment's users, read a page at a time, and refused as tooMany in an
/// environment of more than <see cref="MaxScanned"/> users rather than run without bound; so is sorting (sortBy) without
/// such a filter, since the users are sorted as answered, in memory.
/// </summary>
internal sealed class ScimUserSearch(IProvisioningStore store, TimeProvider time)
{
    public const int MaxScanned = 20_000;
    private const int ScanPage = 500;

    public async Task<(ScimPage? Page, ScimError? Error)> ListAsync(ScimToken token, ScimListRequest request, string baseUrl, CancellationToken cancellationToken)
    {
        var query = new UserQuery { TenantIds = [token.TenantId], Now = time.GetUtcNow() };
        string? sortBy = null;
        if (request.SortBy is { } requested)
        {
            var (name, invalid) = ScimSort.Check(requested, ScimSort.UserAttributes);
            if (name is null)
            {
                return (null, invalid);
            }
            sortBy = name;
        }
        var filter = request.Filter;
        if (filter is null && sortBy is null)
        {
            var total = await store.Users.CountAsync(query, cancellationToken);
            var page = request.Count == 0 ? [] : await store.Users.ListAsync(query with { Offset = request.StartIndex - 1 }, UserParts.All, request.Count, cancellationToken);
            return (new ScimPage(page.Select(u => UserResource.Render(u, baseUrl)).ToArray(), total), null);
        }
        IReadOnlyList<User> candidates;
        if (filter is not null && Indexed(filter) is { } seed)
        {
            candidates = await SeedAsync(token, query, seed, cancellationToken);
        }
        else
        {
            var scanned = await ScanAsync(query, cancellationToken);
            if (scanned is null)
            {
                return (null, ScimError.TooMany(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the environment has more than {MaxScanned} users: filter by userName eq, externalId eq or id eq (alone or joined with and){(filter is null ? " to sort" : "")}")));
            }
            candidates = scanned;
        }
        var matches = candidates.Select(u => UserResource.Render(u, baseUrl)).Where(r => filter is null || FilterEvaluator.Matches(filter, r)).ToArray();
        if (sortBy is not null)
        {
            matches = ScimSort.Sort(matches, sortBy, ScimSort.UserAttributes[sortBy], request.Descending);
        }
        return (new ScimPage(matches.Skip(request.StartIndex - 1).Take(request.Count).ToArray(), matches.Length), null);
    }

    /// <summary>An equality on an indexed attribute that the whole filter requires: the filter itself or a term of its top "and"s.</summary>
    public static FilterNode.Compare? Indexed(FilterNode filter) => filter switch
    {
        FilterNode.Compare { Operator: "eq", Value: string, Path: { Sub: null } path } c when ScimSchemas.IsCore(path.Schema) && IsIndexed(path.Name) => c,
        FilterNode.And and => Indexed(and.Left) ?? Indexed(and.Right),
        _ => null,
    };

    private static bool IsIndexed(string name) =>
        name.Equals("userName", StringComparison.OrdinalIgnoreCase) || name.Equals("externalId", StringComparison.OrdinalIgnoreCase) || name.Equals("id", StringComparison.OrdinalIgnoreCase);

    private async Task<IReadOnlyList<User>> SeedAsync(ScimToken token, UserQuery query, FilterNode.Compare seed, CancellationToken cancellationToken)
    {
        var value = (string)seed.Value!;
        if (seed.Path.Name.Equals("userName", StringComparison.OrdinalIgnoreCase))
        {
            return await store.Users.FindByLoginAsync(token.TenantId, value, UserParts.All, cancellationToken) is { } user ? [user] : [];
        }
        if (seed.Path.Name.Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && await store.Users.FindByIdAsync(id, UserParts.All, cancellationToken) is { } byId && byId.TenantId == token.TenantId ? [byId] : [];
        }
        return await store.Users.ListAsync(query with { ExternalId = new TextMatch(value, Exact: true) }, UserParts.All, MaxScanned, cancellationToken);
    }

    /// <summary>Every user of the environment, or null when there are more than <see cref="MaxScanned"/>.</summary>
    private async Task<IReadOnlyList<User>?> ScanAsync(UserQuery query, CancellationToken cancellationToken)
    {
        if (await store.Users.CountAsync(query, cancellationToken) > MaxScanned)
        {
            return null;
        }
        var all = new List<User>();
        long? after = null;
        while (true)
        {
            var page = await store.Users.ListAsync(query with { AfterId = after }, UserParts.All, ScanPage, cancellationToken);
            all.AddRange(page);
            if (page.Count < ScanPage || all.Count > MaxScanned)
            {
                return all.Count > MaxScanned ? null : all;
            }
            after = page[^1].Id;
        }
    }
}
