using System.Globalization;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>The extensions a createUser or updateUser carries inside the user: checked and bound to its environment.</summary>
internal static class EmbeddedExtensions
{
    public static Failure? Check(IReadOnlyList<Extension> extensions, Tenant tenant)
    {
        for (var i = 0; i < extensions.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"user.extensions[{i + 1}]");
            var extension = extensions[i];
            var failure = extension.MediaChange?.Problem
                ?? Rules.RequiredText(extension.Address, $"{field}.extension", ApiLimits.ExtensionLength)
                ?? (extension.Tenant.IsEmpty ? null : Rules.Agrees(tenant, extension.Tenant, field));
            if (failure is not null)
            {
                return failure;
            }
        }
        return null;
    }

    /// <summary>The extensions as the user write stores them; the media change applies to the stored media of one taken over.</summary>
    public static IReadOnlyList<ExtensionWrite> Bind(IReadOnlyList<Extension> extensions, Tenant tenant) =>
        extensions.Select(e => new ExtensionWrite(tenant.Id, e.Address!, e.Mode, e.MediaChange ?? MediaChange.Exactly(e.Media), null)
        {
            Tenant = new TenantRef(tenant.Eid, tenant.ShortName),
            PhoneType = e.PhoneType,
        }).ToArray();
}
