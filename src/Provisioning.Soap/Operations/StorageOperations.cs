using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Core.Services;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>The storage folder and policy operations of spec §8, the same on v2 and v3.</summary>
internal sealed class StorageOperations(Calls calls)
{
    private StorageService Storage => calls.Services.Storage;

    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["createStorageFolder"] = CreateStorageFolder;
        ops["updateStorageFolder"] = UpdateStorageFolder;
        ops["deleteStorageFolder"] = DeleteStorageFolder;
        ops["getStorageFolderById"] = GetStorageFolderById;
        ops["listStorageFolders"] = p => ListStorageFolders(p, byEid: false);
        ops["listStorageFoldersByEid"] = p => ListStorageFolders(p, byEid: true);
        ops["createStoragePolicy"] = CreateStoragePolicy;
        ops["updateStoragePolicy"] = UpdateStoragePolicy;
        ops["deleteStoragePolicy"] = DeleteStoragePolicy;
        ops["getStoragePolicyById"] = GetStoragePolicyById;
        ops["getStoragePolicyByName"] = GetStoragePolicyByName;
        ops["listStoragePolicies"] = p => ListStoragePolicies(p, byEid: false);
        ops["listStoragePoliciesByEid"] = p => ListStoragePolicies(p, byEid: true);
    }

    private Invocation CreateStorageFolder(ElementReader p)
    {
        var (token, folder) = Parameters.One(p, "storageFolder", p => StorageWire.ReadFolder(p.Child()));
        return folder is null
            ? Calls.MissingData("storageFolder", "storageFolder")
            : calls.Data(token, "storageFolder", (c, ct) => Storage.CreateFolderAsync(c, folder, ct), WriteFolder);
    }

    private Invocation UpdateStorageFolder(ElementReader p)
    {
        var (token, folder) = Parameters.One(p, "storageFolder", p => StorageWire.ReadFolder(p.Child()));
        return folder is null
            ? Calls.MissingData("storageFolder", "storageFolder")
            : calls.Data(token, "storageFolder", (c, ct) => Storage.UpdateFolderAsync(c, folder, ct), WriteFolder);
    }

    private Invocation DeleteStorageFolder(ElementReader p)
    {
        var (token, id) = Parameters.One(p, "id", p => p.Identifier());
        return calls.Status(token, (c, ct) => Storage.DeleteFolderAsync(c, id, ct));
    }

    private Invocation GetStorageFolderById(ElementReader p)
    {
        var (token, id) = Parameters.One(p, "id", p => p.Identifier());
        return calls.Data(token, "storageFolder", (c, ct) => Storage.GetFolderAsync(c, id, ct), WriteFolder);
    }

    private Invocation ListStorageFolders(ElementReader p, bool byEid)
    {
        var (token, eid) = Parameters.One(p, "eid", p => p.Text());
        return calls.Data(token, "storageFolders", (c, ct) => Storage.ListFoldersAsync(c, eid, byEid, ct), (w, list) =>
        {
            foreach (var folder in list)
            {
                StorageWire.WriteFolder(w, "storageFolders", folder);
            }
        });
    }

    private Invocation CreateStoragePolicy(ElementReader p)
    {
        var (token, policy) = Parameters.One(p, "storagePolicy", p => StorageWire.ReadPolicy(p.Child()));
        return policy is null
            ? Calls.MissingData("storagePolicy", "storagePolicy")
            : calls.Data(token, "storagePolicy", (c, ct) => Storage.CreatePolicyAsync(c, policy, ct), WritePolicy);
    }

    private Invocation UpdateStoragePolicy(ElementReader p)
    {
        var (token, policy) = Parameters.One(p, "storagePolicy", p => StorageWire.ReadPolicy(p.Child()));
        return policy is null
            ? Calls.MissingData("storagePolicy", "storagePolicy")
            : calls.Data(token, "storagePolicy", (c, ct) => Storage.UpdatePolicyAsync(c, policy, ct), WritePolicy);
    }

    private Invocation DeleteStoragePolicy(ElementReader p)
    {
        var (token, id) = Parameters.One(p, "id", p => p.Identifier());
        return calls.Status(token, (c, ct) => Storage.DeletePolicyAsync(c, id, ct));
    }

    private Invocation GetStoragePolicyById(ElementReader p)
    {
        var (token, id) = Parameters.One(p, "id", p => p.Identifier());
        return calls.Data(token, "storagePolicy", (c, ct) => Storage.GetPolicyAsync(c, id, ct), WritePolicy);
    }

    private Invocation GetStoragePolicyByName(ElementReader p)
    {
        string? token = null, name = null, eid = null, shortName = null;
        while (p.Next())
        {
            switch (p.Name)
            {
                case "token": token = p.Text(); break;
                case "name": name = p.Text(); break;
                case "eid": eid = p.Text(); break;
                case "environmentShortName": shortName = p.Text(); break;
                default: p.Skip(); break;
            }
        }
        return calls.Data(token, "storagePolicy", (c, ct) => Storage.GetPolicyByNameAsync(c, name, new TenantRef(eid, shortName), ct), WritePolicy);
    }

    private Invocation ListStoragePolicies(ElementReader p, bool byEid)
    {
        var (token, eid) = Parameters.One(p, "eid", p => p.Text());
        return calls.Data(token, "storagePolicies", (c, ct) => Storage.ListPoliciesAsync(c, eid, byEid, ct), (w, list) =>
        {
            foreach (var policy in list)
            {
                StorageWire.WritePolicy(w, "storagePolicies", policy);
            }
        });
    }

    private static void WriteFolder(XmlWriter w, StorageFolder folder) => StorageWire.WriteFolder(w, "storageFolder", folder);

    private static void WritePolicy(XmlWriter w, StoragePolicy policy) => StorageWire.WritePolicy(w, "storagePolicy", policy);
}
