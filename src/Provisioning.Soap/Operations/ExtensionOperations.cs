using Provisioning.Core.Model;
using Provisioning.Core.Services;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>createExtension, updateExtension, getExtension, listExtensions (and, from v3, deleteExtension).</summary>
internal sealed class ExtensionOperations(Calls calls, IExtensionDialect dialect)
{
    private ExtensionService Extensions => calls.Services.Extensions;

    public void Register(IDictionary<string, OperationBinder> ops)
    {
        ops["createExtension"] = CreateExtension;
        ops["updateExtension"] = UpdateExtension;
        ops["getExtension"] = GetExtension;
        ops["listExtensions"] = ListExtensions;
    }

    /// <summary>deleteExtension, which v3 added.</summary>
    public void RegisterDelete(IDictionary<string, OperationBinder> ops)
    {
        ops["deleteExtension"] = DeleteExtension;
    }

    private Invocation CreateExtension(ElementReader p)
    {
        var (token, extension) = Parameters.One(p, "extension", p => dialect.Read(p.Child()));
        return extension is null
            ? Calls.Missing("extension")
            : calls.Status(token, (c, ct) => Extensions.CreateAsync(c, extension, extension.MediaChange!, dialect.Names, ct));
    }

    private Invocation UpdateExtension(ElementReader p)
    {
        var (token, extension) = Parameters.One(p, "extension", p => dialect.Read(p.Child()));
        return extension is null
            ? Calls.Missing("extension")
            : calls.Status(token, (c, ct) => Extensions.UpdateAsync(c, extension, extension.MediaChange!, dialect.Names, ct));
    }

    private Invocation GetExtension(ElementReader p)
    {
        string? token = null, address = null;
        TenantFilter? filter = null;
        while (p.Next())
        {
            switch (p.Name)
            {
                case "token": token = p.Text(); break;
                case "environmentFilter": filter = TenantWire.ReadFilter(p.Child()); break;
                case "extension": address = p.Text(); break;
                default: p.Skip(); break;
            }
        }
        return calls.Data(token, "extension", (c, ct) => Extensions.GetAsync(c, filter, address, "extension", ct), (w, e) => dialect.Write(w, "extension", e, withUser: true));
    }

    private Invocation ListExtensions(ElementReader p)
    {
        var (token, filter) = Parameters.One(p, "filter", p => FilterWire.ReadExtensionFilter(p.Child()));
        return calls.Data(token, "extensions", (c, ct) => Extensions.ListAsync(c, filter, ct), (w, list) =>
        {
            foreach (var e in list)
            {
                dialect.Write(w, "extensions", e, withUser: true);
            }
        });
    }

    private Invocation DeleteExtension(ElementReader p)
    {
        var (token, extension) = Parameters.One(p, "extension", p => dialect.Read(p.Child()));
        return extension is null
            ? Calls.Missing("extension")
            : calls.Status(token, (c, ct) => Extensions.DeleteAsync(c, extension, dialect.Names, ct));
    }
}
