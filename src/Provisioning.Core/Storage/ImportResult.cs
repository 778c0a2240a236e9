namespace Provisioning.Core.Storage;

/// <summary>
/// The store's answer for one import row. A rejected row carries why as a write status: MissingReference "user" when its
/// user is not in the environment, Duplicate "extension" when its address is taken by another extension.
/// </summary>
public readonly record struct ImportResult(ImportOutcome Outcome, WriteStatus Problem, string? Detail)
{
    public static ImportResult Created { get; } = new(ImportOutcome.Created, WriteStatus.Ok, null);

    public static ImportResult Updated { get; } = new(ImportOutcome.Updated, WriteStatus.Ok, null);

    public static ImportResult Unchanged { get; } = new(ImportOutcome.Unchanged, WriteStatus.Ok, null);

    public static ImportResult Rejected(WriteStatus problem, string detail) => new(ImportOutcome.Rejected, problem, detail);
}
