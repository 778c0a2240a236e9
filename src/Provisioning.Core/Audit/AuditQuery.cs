namespace Provisioning.Core.Audit;

/// <summary>Which audit entries to read: of one environment (eid), since a time or after an id, of one entity type, of one actor, in a time range.</summary>
public sealed record AuditQuery(string? Eid = null, DateTimeOffset? Since = null, long? AfterId = null, string? Entity = null)
{
    /// <summary>Only entries of this actor, as stored ("eid:login" for a token holder, the operator's name otherwise).</summary>
    public string? Login { get; init; }

    /// <summary>Only entries before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only entries with a smaller id, newest first: the console pages back from the latest entry.</summary>
    public long? BeforeId { get; init; }

    /// <summary>
    /// Read at most this many characters and one more of each value (before and after), so a page of entries costs the
    /// same whatever an import's entry holds; a value longer than this was cut. Null reads them whole.
    /// </summary>
    public int? CutValuesAt { get; init; }

    /// <summary>Newest first (descending id) instead of oldest first.</summary>
    public bool NewestFirst { get; init; }
}
