using Provisioning.Core.Model;
using Provisioning.Core.Recorders;

namespace Provisioning.Storage;

/// <summary>The statements of the recorder registry's writes and of the configuration change log.</summary>
internal sealed partial class SqlWriteSession
{
    public async ValueTask<Recorder?> FindRecorderAsync(string nameKey) => (await RecorderRows.FindAsync(c, nameKey))?.Recorder;

    public async ValueTask<long?> InsertRecorderAsync(Recorder recorder, byte[] secretHash)
    {
        var id = await c.InsertAsync(
            "INSERT INTO recorders (name, name_key, push_url, secret_hash, created_at) VALUES (@n, @k, @u, @h, @at) ON CONFLICT DO NOTHING",
            ("@n", recorder.Name), ("@k", Keys.Fold(recorder.Name)), ("@u", recorder.PushUrl), ("@h", secretHash), ("@at", recorder.CreatedAt));
        if (id is { } inserted)
        {
            foreach (var eid in recorder.Environments)
            {
                await c.ExecuteAsync(
                    "INSERT INTO recorder_environments (recorder_id, eid, eid_key) VALUES (@r, @e, @k)", ("@r", inserted), ("@e", eid), ("@k", Keys.Fold(eid)));
            }
        }
        return id;
    }

    public async ValueTask SetRecorderSecretAsync(long id, byte[] secretHash) =>
        await c.ExecuteAsync("UPDATE recorders SET secret_hash = @h WHERE id = @id", ("@h", secretHash), ("@id", id));

    public async ValueTask SetRecorderAppliedAsync(long id, long revision, DateTimeOffset at) =>
        await c.ExecuteAsync("UPDATE recorders SET applied_revision = @r, last_contact = @at WHERE id = @id", ("@r", revision), ("@at", at), ("@id", id));

    public async ValueTask DeleteRecorderAsync(long id)
    {
        await c.ExecuteAsync("DELETE FROM recorder_environments WHERE recorder_id = @id", ("@id", id));
        await c.ExecuteAsync("DELETE FROM recorders WHERE id = @id", ("@id", id));
    }

    public ValueTask AppendConfigurationChangeAsync(long tenantId, string address) => c.DeferAsync(
        "INSERT INTO configuration_changes (tenant_id, address, address_key) VALUES (@t, @a, @k)", ("@t", tenantId), ("@a", address), ("@k", Keys.Fold(address)));
}
