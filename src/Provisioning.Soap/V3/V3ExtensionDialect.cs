using System.Globalization;
using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Core.Services;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.V3;

/// <summary>
/// The v3 Extension: the address is extensionId and what is recorded is modalities/modalitiesForWS{id,
/// directionsForWS{id}}. The v2 names (extension, voice, video, im, screenCaptureEnabled) are accepted on input too.
/// </summary>
public sealed class V3ExtensionDialect : IExtensionDialect
{
    public static V3ExtensionDialect Instance { get; } = new();

    public ExtensionFields Names => ExtensionFields.V3;

    public Extension Read(ElementReader r)
    {
        var e = new Extension();
        string? eid = null, shortName = null, extensionId = null, extension = null;
        bool? voice = null, video = null, im = null, screen = null;
        RecordingMode? mode = null;
        List<ModalitySpec>? modalities = null;
        while (r.Next())
        {
            switch (r.Name)
            {
                case "id": e = e with { Id = r.Identifier() }; break;
                case "eid": eid = r.Text(); break;
                case "environmentShortName": shortName = r.Text(); break;
                case "extensionId": extensionId = r.Text(); break;
                case "extension": extension = r.Text(); break;
                case "recordingMode": mode = r.Enum(WireNames.RecordingModes); break;
                case "modalities": modalities = ReadModalities(r.Child()); break;
                case "voice": voice = r.Bool(); break;
                case "video": video = r.Bool(); break;
                case "im": im = r.Bool(); break;
                case "screenCaptureEnabled": screen = r.Bool(); break;
                case "user": e = e with { User = UserWire.ReadReference(r.Child()) }; break;
                default: r.Skip(); break;
            }
        }
        return e with
        {
            Tenant = new TenantRef(eid, shortName),
            Address = extensionId ?? extension,
            Mode = mode ?? RecordingMode.Full,
            MediaChange = modalities is not null
                ? MediaChange.FromModalities(modalities, "extension.modalities")
                : MediaChange.FromFlags(voice, video, im, screen),
        };
    }

    public void Write(XmlWriter w, string name, Extension extension, bool withUser) => w.Element(name, w =>
    {
        w.Text("eid", extension.Tenant.Eid);
        w.Text("environmentShortName", extension.Tenant.ShortName);
        w.Text("extensionId", extension.Address);
        w.Number("id", extension.Id);
        w.Element("modalities", w =>
        {
            foreach (var modality in Enum.GetValues<Modality>().Where(extension.Media.Has))
            {
                w.Element("modalitiesForWS", w =>
                {
                    foreach (var direction in extension.Media.DirectionsOf(modality))
                    {
                        w.Element("directionsForWS", w => w.Text("id", ((int)direction).ToString(CultureInfo.InvariantCulture)));
                    }
                    w.Text("id", ModalityIds.Of(modality));
                });
            }
        });
        w.Text("recordingMode", WireNames.Of(extension.Mode));
        if (withUser && extension.User is { } user)
        {
            UserWire.Write(w, "user", user, this, withExtensions: false);
        }
    });

    private static List<ModalitySpec> ReadModalities(ElementReader r)
    {
        var specs = new List<ModalitySpec>();
        while (r.Next())
        {
            if (r.Name != "modalitiesForWS")
            {
                r.Skip();
                continue;
            }
            string? id = null;
            var directions = new List<string>();
            var modality = r.Child();
            while (modality.Next())
            {
                switch (modality.Name)
                {
                    case "id": id = modality.Text(); break;
                    case "directionsForWS": directions.Add(ReadDirection(modality.Child())); break;
                    default: modality.Skip(); break;
                }
            }
            specs.Add(new ModalitySpec(id, directions));
        }
        return specs;
    }

    private static string ReadDirection(ElementReader r)
    {
        var id = string.Empty;
        while (r.Next())
        {
            if (r.Name == "id")
            {
                id = r.Text();
            }
            else
            {
                r.Skip();
            }
        }
        return id;
    }
}
