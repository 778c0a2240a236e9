using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Core.Services;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Wire;

namespace Provisioning.Soap.V2;

/// <summary>The v2 Extension: the address is "extension", what is recorded is four flags.</summary>
public sealed class V2ExtensionDialect : IExtensionDialect
{
    public static V2ExtensionDialect Instance { get; } = new();

    public ExtensionFields Names => ExtensionFields.V2;

    public Extension Read(ElementReader r)
    {
        var e = new Extension();
        string? eid = null, shortName = null;
        bool? voice = null, video = null, im = null, screen = null;
        RecordingMode? mode = null;
        while (r.Next())
        {
            switch (r.Name)
            {
                case "id": e = e with { Id = r.Identifier() }; break;
                case "eid": eid = r.Text(); break;
                case "environmentShortName": shortName = r.Text(); break;
                case "extension": e = e with { Address = r.Text() }; break;
                case "recordingMode": mode = r.Enum(WireNames.RecordingModes); break;
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
            Mode = mode ?? RecordingMode.Full,
            MediaChange = MediaChange.FromFlags(voice, video, im, screen),
        };
    }

    public void Write(XmlWriter w, string name, Extension extension, bool withUser) => w.Element(name, w =>
    {
        w.Text("eid", extension.Tenant.Eid);
        w.Text("environmentShortName", extension.Tenant.ShortName);
        w.Text("extension", extension.Address);
        w.Number("id", extension.Id);
        w.Bool("im", extension.Media.Has(Modality.Im));
        w.Text("recordingMode", WireNames.Of(extension.Mode));
        w.Bool("screenCaptureEnabled", extension.Media.Has(Modality.Screen));
        if (withUser && extension.User is { } user)
        {
            UserWire.Write(w, "user", user, this, withExtensions: false);
        }
        w.Bool("video", extension.Media.Has(Modality.Video));
        w.Bool("voice", extension.Media.Has(Modality.Voice));
    });
}
