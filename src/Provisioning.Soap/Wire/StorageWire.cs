using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Wire;

/// <summary>The StorageFolder and StoragePolicy types (spec §8); a policy names its folder by id and is answered with the whole folder.</summary>
public static class StorageWire
{
    public static StorageFolder ReadFolder(ElementReader r)
    {
        var f = new StorageFolder();
        string? eid = null, shortName = null;
        while (r.Next())
        {
            switch (r.Name)
            {
                case "description": f = f with { Description = r.Text() }; break;
                case "eid": eid = r.Text(); break;
                case "enabled": f = f with { Enabled = r.Bool() }; break;
                case "environmentShortName": shortName = r.Text(); break;
                case "id": f = f with { Id = r.Identifier() }; break;
                case "name": f = f with { Name = r.Text() }; break;
                case "path": f = f with { Path = r.Text() }; break;
                case "type": f = f with { Type = r.Text() }; break;
                default: r.Skip(); break;
            }
        }
        return f with { Tenant = new TenantRef(eid, shortName) };
    }

    public static void WriteFolder(XmlWriter w, string name, StorageFolder f) => w.Element(name, w =>
    {
        w.Text("description", f.Description);
        w.Text("eid", f.Tenant.Eid);
        w.Bool("enabled", f.Enabled);
        w.Text("environmentShortName", f.Tenant.ShortName);
        w.Number("id", f.Id);
        w.Text("name", f.Name);
        w.Text("path", f.Path);
        w.Text("type", f.Type);
    });

    public static StoragePolicy ReadPolicy(ElementReader r)
    {
        var p = new StoragePolicy();
        string? eid = null, shortName = null;
        while (r.Next())
        {
            p = r.Name switch
            {
                "action" => p with { Action = r.Text() },
                "callFilter" => p with { CallFilter = r.Text() },
                "customSql" => p with { CustomSql = r.Bool() },
                "decrypt" => p with { Decrypt = r.Bool() },
                "eid" => Set(p, ref eid, r.Text()),
                "enabled" => p with { Enabled = r.Bool() },
                "engineId" => p with { EngineId = r.Text() },
                "environmentShortName" => Set(p, ref shortName, r.Text()),
                "firstTranscode" => p with { FirstTranscode = r.Bool() },
                "format" => p with { Format = r.Text() },
                "id" => p with { Id = r.Identifier() },
                "keepCdr" => p with { KeepCdr = r.Bool() },
                "languageId" => p with { LanguageId = r.Text() },
                "moveToRecycleBin" => p with { MoveToRecycleBin = r.Bool() },
                "name" => p with { Name = r.Text() },
                "olderThanMinutes" => p with { OlderThanMinutes = r.Number() },
                "olderThanYears" => p with { OlderThanYears = r.Number() },
                "onlyForArchived" => p with { OnlyForArchived = r.Bool() },
                "priority" => p with { Priority = r.Number() },
                "storageFolder" => p with { FolderId = ReadFolder(r.Child()).Id },
                _ => TenantWire.Skip(r, p),
            };
        }
        return p with { Tenant = new TenantRef(eid, shortName) };
    }

    public static void WritePolicy(XmlWriter w, string name, StoragePolicy p) => w.Element(name, w =>
    {
        w.Text("action", p.Action);
        w.Text("callFilter", p.CallFilter);
        w.Bool("customSql", p.CustomSql);
        w.Bool("decrypt", p.Decrypt);
        w.Text("eid", p.Tenant.Eid);
        w.Bool("enabled", p.Enabled);
        w.Text("engineId", p.EngineId);
        w.Text("environmentShortName", p.Tenant.ShortName);
        w.Bool("firstTranscode", p.FirstTranscode);
        w.Text("format", p.Format);
        w.Number("id", p.Id);
        w.Bool("keepCdr", p.KeepCdr);
        w.Text("languageId", p.LanguageId);
        w.Bool("moveToRecycleBin", p.MoveToRecycleBin);
        w.Text("name", p.Name);
        w.Number("olderThanMinutes", p.OlderThanMinutes);
        w.Number("olderThanYears", p.OlderThanYears);
        w.Bool("onlyForArchived", p.OnlyForArchived);
        w.Number("priority", p.Priority);
        if (p.Folder is { } folder)
        {
            WriteFolder(w, "storageFolder", folder);
        }
    });

    private static StoragePolicy Set(StoragePolicy p, ref string? field, string value)
    {
        field = value;
        return p;
    }
}
