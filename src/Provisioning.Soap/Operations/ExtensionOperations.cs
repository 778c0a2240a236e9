using Provisioning.Core.Model;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Operations;

/// <summary>createExtension, updateExtension, getExtension, listExtensions (and, from v3, deleteExtension).</summary>
internal static class ExtensionOperations
{
    public static void Register(IDictionary<string, OperationBinder> ops, Calls calls, IExtensionDialect dialect)
    {
        var extensions = calls.Services.Extensions;
        var names = dialect.Names;
        ops["createExtension"] = p =>
        {
            var (token, extension) = Parameters.One(p, "extension", p => dialect.Read(p.Child()));
            return extension is null
                ? Calls.Missing("extension")
                : calls.Status(token, (c, ct) => extensions.CreateAsync(c, extension, extension.MediaChange!, names, ct));
        };
        ops["updateExtension"] = p =>
        {
            var (token, extension) = Parameters.One(p, "extension", p => dialect.Read(p.Child()));
            return extension is null
                ? Calls.Missing("extension")
                : calls.Status(token, (c, ct) => extensions.UpdateAsync(c, extension, extension.MediaChange!, names, ct));
        };
        ops["getExtension"] = p =>
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
            return calls.Data(token, "extension", (c, ct) => extensions.GetAsync(c, filter, address, "extension", ct), (w, e) => dialect.Write(w, "extension", e, withUser: true));
        };
        ops["listExtensions"] = p =>
        {
            var (token, filter) = Parameters.One(p, "filter", p => FilterWire.ReadExtensionFilter(p.Child()));
            return calls.Data(token, "extensions", (c, ct) => extensions.ListAsync(c, filter, ct), (w, list) =>
            {
                foreach (var e in list)
                {
                    dialect.Write(w, "extensions", e, withUser: true);
                }
            });
        };
    }

    /// <summary>deleteExtension, which v3 added.</summary>
    public static void RegisterDelete(IDictionary<string, OperationBinder> ops, Calls calls, IExtensionDialect dialect)
    {
        var extensions = calls.Services.Extensions;
        ops["deleteExtension"] = p =>
        {
            var (token, extension) = Parameters.One(p, "extension", p => dialect.Read(p.Child()));
            return extension is null
                ? Calls.Missing("extension")
                : calls.Status(token, (c, ct) => extensions.DeleteAsync(c, extension, dialect.Names, ct));
        };
    }
}
