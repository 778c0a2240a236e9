namespace Provisioning.Core.Storage;

/// <summary>What an import did with one row.</summary>
public enum ImportOutcome
{
    Created = 1,
    Updated,

    /// <summary>The stored object already was as the row says; nothing was written or audited.</summary>
    Unchanged,

    /// <summary>Nothing was written for the row; the store or Core says why.</summary>
    Rejected,
}
