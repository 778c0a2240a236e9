using System.Collections.Concurrent;
using System.Security.Cryptography;
using Provisioning.Core.Import;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Hosting;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// Imports started from the console, run through Core's <see cref="ExtensionImporter"/> or <see cref="UserImporter"/>
/// (the command line's) after the upload completed, so the browser follows the progress on a page of its own. A job is seen only by the login that started it (by an id no
/// one can guess); finished jobs are forgotten after an hour.
/// </summary>
public sealed class ImportJobs(ExtensionImporter extensions, UserImporter users, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ImportJobs> logger)
{
    /// <summary>The rejected lines a job keeps to show; the count is kept whatever their number.</summary>
    public const int KeptRejections = 1000;

    /// <summary>
    /// How often a users import reports its progress, in rows: a user carries more rules than an extension, so its rows
    /// are written in smaller steps (new ones <see cref="UserService.BulkBatch"/> to a transaction, changed ones one each).
    /// </summary>
    public const int UserProgressRows = 100;
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);

    public ImportJob StartExtensions(Caller caller, string path, CsvRecords csv, string fileName) =>
        Start(caller, path, csv, fileName, ImportJob.Extensions, (job, ct) => extensions.ImportAsync(
            caller, csv.Records(ExtensionRecord.FromFields), new ImportOptions(), job.Report, s => job.Progress(s, csv.Position), ct));

    public ImportJob StartUsers(Caller caller, string path, CsvRecords csv, string fileName) =>
        Start(caller, path, csv, fileName, ImportJob.Users, (job, ct) => users.ImportAsync(
            caller, csv.Records(UserRecord.FromFields), new ImportOptions(BatchSize: UserProgressRows), job.Report, s => job.Progress(s, csv.Position), ct));

    private ImportJob Start(Caller caller, string path, CsvRecords csv, string fileName, string kind, Func<ImportJob, CancellationToken, Task<ImportSummary>> import)
    {
        Forget();
        var job = new ImportJob(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), caller.ActorAt(time.GetUtcNow()).Login, fileName, csv.Length) { Kind = kind };
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, path, csv, import));
        return job;
    }

    public ImportJob? Find(string id, Caller caller) =>
        _jobs.TryGetValue(id, out var job) && job.Owner == caller.ActorAt(time.GetUtcNow()).Login ? job : null;

    private async Task RunAsync(ImportJob job, string path, CsvRecords csv, Func<ImportJob, CancellationToken, Task<ImportSummary>> import)
    {
        try
        {
            var summary = await import(job, lifetime.ApplicationStopping);
            job.Finish(summary, time.GetUtcNow(), null);
        }
#pragma warning disable CA1031 // A job that broke says so on its page; the server goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.ImportFailed(logger, job.Id, e);
            job.Finish(null, time.GetUtcNow(), "The import stopped: " + e.Message);
        }
        finally
        {
            csv.Dispose();
            File.Delete(path);
        }
    }

    private void Forget()
    {
        var before = time.GetUtcNow() - Kept;
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt < before)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }
}
