using Provisioning.Core.Model;

namespace Provisioning.Storage;

/// <summary>The statements of storage folder and policy writes.</summary>
internal sealed partial class SqlWriteSession
{
    private const string PolicyColumns = "tenant_id, name, name_key, action, call_filter, custom_sql, decrypt, enabled, engine_id, first_transcode, format, "
        + "keep_cdr, language_id, move_to_recycle_bin, older_than_minutes, older_than_years, only_for_archived, priority, folder_id";

    private const string PolicyValues = "@t, @n, @k, @action, @filter, @custom, @decrypt, @enabled, @engine, @first, @format, "
        + "@cdr, @lang, @recycle, @minutes, @years, @archived, @priority, @folder";

    public ValueTask<StorageFolder?> FindStorageFolderAsync(long id, bool forUpdate) =>
        StorageRows.FolderAsync(c, id, forUpdate ? c.Dialect.ForUpdate("f") : string.Empty);

    public ValueTask<bool> StorageFolderNameTakenAsync(long tenantId, string nameKey, long exceptId) => c.ExistsAsync(
        "SELECT 1 FROM storage_folders WHERE tenant_id = @t AND name_key = @k AND id <> @id", ("@t", tenantId), ("@k", nameKey), ("@id", exceptId));

    public ValueTask<long?> InsertStorageFolderAsync(StorageFolder folder) => c.InsertAsync(
        "INSERT INTO storage_folders (tenant_id, name, name_key, path, type, enabled, description) VALUES (@t, @n, @k, @path, @type, @enabled, @d) ON CONFLICT DO NOTHING",
        StorageRows.FolderParameters(folder));

    public async ValueTask UpdateStorageFolderAsync(StorageFolder folder) => await c.ExecuteAsync(
        "UPDATE storage_folders SET name = @n, name_key = @k, path = @path, type = @type, enabled = @enabled, description = @d WHERE id = @id AND tenant_id = @t",
        [.. StorageRows.FolderParameters(folder), ("@id", folder.Id)]);

    public async ValueTask DeleteStorageFolderAsync(long id) => await c.ExecuteAsync("DELETE FROM storage_folders WHERE id = @id", ("@id", id));

    public async ValueTask<string?> FindPolicyUsingFolderAsync(long folderId) =>
        await c.ScalarAsync("SELECT name FROM storage_policies WHERE folder_id = @f ORDER BY id LIMIT 1", ("@f", folderId)) as string;

    public ValueTask<StoragePolicy?> FindStoragePolicyAsync(long id) => StorageRows.PolicyAsync(c, id);

    public ValueTask<bool> StoragePolicyNameTakenAsync(long tenantId, string nameKey, long exceptId) => c.ExistsAsync(
        "SELECT 1 FROM storage_policies WHERE tenant_id = @t AND name_key = @k AND id <> @id", ("@t", tenantId), ("@k", nameKey), ("@id", exceptId));

    public ValueTask<long?> InsertStoragePolicyAsync(StoragePolicy policy) => c.InsertAsync(
        $"INSERT INTO storage_policies ({PolicyColumns}) VALUES ({PolicyValues}) ON CONFLICT DO NOTHING", StorageRows.PolicyParameters(policy));

    public async ValueTask UpdateStoragePolicyAsync(StoragePolicy policy) => await c.ExecuteAsync(
        "UPDATE storage_policies SET name = @n, name_key = @k, action = @action, call_filter = @filter, custom_sql = @custom, decrypt = @decrypt, "
        + "enabled = @enabled, engine_id = @engine, first_transcode = @first, format = @format, keep_cdr = @cdr, language_id = @lang, "
        + "move_to_recycle_bin = @recycle, older_than_minutes = @minutes, older_than_years = @years, only_for_archived = @archived, "
        + "priority = @priority, folder_id = @folder WHERE id = @id AND tenant_id = @t",
        [.. StorageRows.PolicyParameters(policy), ("@id", policy.Id)]);

    public async ValueTask DeleteStoragePolicyAsync(long id) => await c.ExecuteAsync("DELETE FROM storage_policies WHERE id = @id", ("@id", id));
}
