using Provisioning.Core.Recorders;

namespace Provisioning.Core.Storage;

/// <summary>The statements of the recorder registry's writes; names are folded by Core.</summary>
public interface IRecorderSession
{
    ValueTask<Recorder?> FindRecorderAsync(string nameKey);

    /// <summary>Inserts the recorder with its environments; null when its name is taken.</summary>
    ValueTask<long?> InsertRecorderAsync(Recorder recorder, byte[] secretHash);

    ValueTask SetRecorderSecretAsync(long id, byte[] secretHash);

    ValueTask SetRecorderAppliedAsync(long id, long revision, DateTimeOffset at);

    ValueTask DeleteRecorderAsync(long id);
}
