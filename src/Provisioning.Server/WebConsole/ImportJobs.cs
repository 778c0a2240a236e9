using System.Collections.Concurrent;
using System.Security.Cryptography;
using Provisioning.Core.Import;
using Provisioning.Core.Security;
using Provisioning.Hosting;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// Imports started from the console, run through Core's <see cref="ExtensionImporter"/> after the upload completed, so
/// the browser follows the progress on a page of its own. A job is seen only by the login that started it (by an id no
/// one can guess); finished jobs are forgotten after an hour.
/// </summary>
public sealed class ImportJobs(ExtensionImporter importer, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ImportJobs> logger)
{
    /// <summary>The rejected lines a job keeps to show; the count is kept whatever their number.</summary>
    public const int KeptRejections = 1000;
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);

    public ImportJob Start(Caller caller, string path, CsvRecords csv, string fileName)
    {
        Forget();
        var job = new ImportJob(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), caller.ActorAt(time.GetUtcNow()).Login, fileName, csv.Length);
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, caller, path, csv));
        return job;
    }

    public ImportJob? Find(string id, Caller caller) =>
        _jobs.TryGetValue(id, out var job) && job.Owner == caller.ActorAt(time.GetUtcNow()).Login ? job : null;

    private async Task RunAsync(ImportJob job, Caller caller, string path, CsvRecords csv)
    {
        try
        {
            var summary = await importer.ImportAsync(
                caller,
                csv.Records(ExtensionRecord.FromFields),
                new ImportOptions(),
                job.Report,
                s => job.Progress(s, csv.Position),
                lifetime.ApplicationStopping);
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
