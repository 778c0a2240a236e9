using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>The fragments of SQL that SQLite and PostgreSQL spell differently; everything else is written once.</summary>
internal abstract class SqlDialect
{
    /// <summary>A condition that <paramref name="column"/> is one of the values bound to <paramref name="parameter"/> (a list of longs or of strings).</summary>
    public abstract string InList(string column, string parameter);

    /// <summary>A condition that the folded text <paramref name="column"/> contains the folded text bound to <paramref name="parameter"/>.</summary>
    public abstract string Contains(string column, string parameter);

    /// <summary>
    /// A condition that the folded address of extension <c>e</c> contains <paramref name="key"/> (folded, bound to
    /// <paramref name="parameter"/>), found through the trigram index of migration 0009 when the key is long enough for
    /// it; <paramref name="search"/> is the value of <c>@search</c> if the condition names it.
    /// </summary>
    public abstract string AddressContains(string parameter, string key, out object? search);

    /// <summary>Trigram indexes find substrings of three characters or more; a shorter one is looked for in every row.</summary>
    protected static bool Indexable(string key)
    {
        var characters = 0;
        foreach (var _ in key.EnumerateRunes())
        {
            if (++characters == 3)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A condition that <paramref name="column"/> is among the values <paramref name="subquery"/> returns, checked on each
    /// row a query walks anyway: a query by primary-key range ordered by it then keeps to the primary key and stops at its
    /// LIMIT, instead of reading by <paramref name="column"/> and sorting all it found.
    /// </summary>
    public abstract string AmongRowsOf(string column, string subquery);

    /// <summary>The larger of two values.</summary>
    public abstract string Greatest(string a, string b);

    /// <summary>The clause that locks the rows read of table <paramref name="alias"/> until the transaction ends; empty where one writer runs at a time.</summary>
    public abstract string ForUpdate(string alias);

    /// <summary>A column holding the role names of the user whose id is <paramref name="userId"/>, in their order (read with <see cref="Columns.Roles"/>).</summary>
    public abstract string RolesOf(string userId);

    /// <summary>
    /// A condition that the change-log revision <paramref name="column"/> can no longer be preceded by a change committed
    /// later; "TRUE" where one writer commits in revision order.
    /// </summary>
    public abstract string Settled(string column);

    /// <summary>How the audit chain is ordered, found and sealed.</summary>
    public abstract AuditChainSql AuditChain { get; }

    /// <summary>An environment's partitions as the tenants table stores them.</summary>
    public abstract object Partitions(IReadOnlyList<int> partitions);

    /// <summary>A filter criterion on a folded key column: equal, or containing the folded value; "TRUE" without one.</summary>
    public string Match(string column, string parameter, TextMatch? match) => match switch
    {
        null => "TRUE",
        { Exact: true } => $"{column} = {parameter}",
        _ => Contains(column, parameter),
    };

    /// <summary>
    /// A LIMIT clause written into the SQL: bound as a parameter, it makes SQLite compile the statement again on every
    /// execution. <see cref="int.MaxValue"/> means no limit. The values are few (1, 2, the list maximum), so are the texts.
    /// </summary>
    public static string Limit(int limit) =>
        limit == int.MaxValue ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" LIMIT {limit}");
}
