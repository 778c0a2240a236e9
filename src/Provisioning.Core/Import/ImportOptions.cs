namespace Provisioning.Core.Import;

/// <summary>
/// How an import runs: <see cref="DryRun"/> checks and reports without writing; <see cref="StopOnError"/> ends at the first
/// rejected row; rows are written <see cref="BatchSize"/> at a time, one transaction per batch.
/// </summary>
public sealed record ImportOptions(bool DryRun = false, bool StopOnError = false, int BatchSize = 10_000);
