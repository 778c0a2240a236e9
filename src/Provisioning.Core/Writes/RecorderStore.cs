using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Recorders;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>The recorder registry's writes, each audited as entity "recorder" (the record never holds the secret or its hash).</summary>
public sealed class RecorderStore(IRecorderReads reads, IStoreWriter writer) : IRecorderStore
{
    public IRecorderReads Reads => reads;

    public Task<StoreWrite<Recorder>> AddAsync(Recorder recorder, byte[] secretHash, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindRecorderAsync(Keys.Fold(recorder.Name)) is not null || await s.InsertRecorderAsync(recorder, secretHash) is not { } id)
                {
                    return StoreWrite<Recorder>.Duplicate(StoreKey.Recorder);
                }
                var created = (await s.FindRecorderAsync(Keys.Fold(recorder.Name)))!;
                await s.AppendAuditAsync(actor, Change(created, null, created));
                return StoreWrite<Recorder>.Ok(created with { Id = id });
            },
            cancellationToken);

    public Task<StoreWrite<Recorder>> RemoveAsync(string name, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindRecorderAsync(Keys.Fold(name)) is not { } stored)
                {
                    return StoreWrite<Recorder>.NotFound();
                }
                await s.DeleteRecorderAsync(stored.Id);
                await s.AppendAuditAsync(actor, Change(stored, stored, null));
                return StoreWrite<Recorder>.Ok(stored);
            },
            cancellationToken);

    public Task<StoreWrite<Recorder>> SetSecretAsync(string name, byte[] secretHash, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindRecorderAsync(Keys.Fold(name)) is not { } stored)
                {
                    return StoreWrite<Recorder>.NotFound();
                }
                await s.SetRecorderSecretAsync(stored.Id, secretHash);
                // The entry says the secret changed; what it is, or its hash, is never written.
                await s.AppendAuditAsync(actor, Change(stored, stored, new SecretRotation(stored.Name, SecretRotated: true)));
                return StoreWrite<Recorder>.Ok(stored);
            },
            cancellationToken);

    public Task<StoreWrite<Recorder>> RecordAppliedAsync(long id, long revision, DateTimeOffset at, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                await s.SetRecorderAppliedAsync(id, revision, at);
                return StoreWrite<Recorder>.Ok(new Recorder { Id = id, Name = string.Empty, Environments = [], AppliedRevision = revision, LastContact = at });
            },
            cancellationToken);

    public Task RecordDeliveriesAsync(IReadOnlyList<RecorderDelivery> deliveries, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                foreach (var (recorder, delivery, markApplied) in deliveries)
                {
                    if (markApplied && delivery.Revision is { } revision
                        && await s.FindRecorderAsync(Keys.Fold(recorder.Name)) is { } stored && !(stored.AppliedRevision >= revision))
                    {
                        await s.SetRecorderAppliedAsync(stored.Id, revision, actor.At);
                    }
                    await s.AppendAuditAsync(actor, Change(recorder, null, delivery));
                }
                return StoreWrite<bool>.Ok(true);
            },
            cancellationToken);

    public Task AnnounceAsync(CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                await s.NotifyAsync(new StoreChange(StoreChangeKind.ConfigurationChanged, StoreChange.Every));
                return StoreWrite<bool>.Ok(true);
            },
            cancellationToken);

    private static AuditChange Change(Recorder recorder, Recorder? before, object? after) =>
        new(AuditChange.Recorder, recorder.Environments.Count > 0 ? recorder.Environments[0] : Recorder.EveryEnvironment, recorder.Name, before, after);
}
