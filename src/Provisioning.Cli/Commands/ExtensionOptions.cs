using System.CommandLine;
using Provisioning.Core.Import;
using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Cli.Commands;

/// <summary>An extension's settings as options; on update, those not given keep the stored value.</summary>
internal sealed class ExtensionOptions
{
    private readonly Option<string?> _mode = new("--recording-mode") { Description = "FULL, ON_DEMAND, CONTROLLED, CONTROLLED_AUTO_START or DO_NOT_RECORD" };
    private readonly Option<bool?> _voice = new("--voice") { Description = "Record voice (true or false)" };
    private readonly Option<bool?> _im = new("--im") { Description = "Record instant messages (true or false)" };
    private readonly Option<bool?> _video = new("--video") { Description = "Record video (true or false)" };
    private readonly Option<bool?> _screen = new("--screen-capture") { Description = "Capture the screen (true or false)" };
    private readonly Option<string?> _user = new("--user") { Description = "Login name of the user it belongs to, in the same environment" };
    private readonly Option<bool> _noUser = new("--no-user") { Description = "Unlink it from its user" };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[_mode, _voice, _im, _video, _screen, _user, _noUser])
        {
            command.Add(option);
        }
    }

    /// <summary>The extension to write, with its media change; the user is found by login name in the environment.</summary>
    public async Task<Result<Extension>> ToExtensionAsync(CliSession session, ParseResult parse, string? eid, string? address, Extension? stored, CancellationToken ct)
    {
        Failure? failure = null;
        var mode = WireText.Mode(parse.GetValue(_mode), "extension.recordingMode", ref failure);
        if (failure is { } badMode)
        {
            return badMode;
        }
        long? userId = parse.GetValue(_noUser) ? null : stored?.User?.Id;
        if (parse.GetValue(_user) is { Length: > 0 } login)
        {
            var user = await session.Users.GetByLoginAsync(session.Caller, login, new TenantRef(eid, null), ct);
            if (!user.IsOk)
            {
                return user.ToFailure();
            }
            userId = user.Value.Id;
        }
        var media = stored?.Media ?? RecordedMedia.VoiceOnly;
        var change = MediaChange.FromFlags(
            parse.GetValue(_voice) ?? media.Has(Modality.Voice),
            parse.GetValue(_video) ?? media.Has(Modality.Video),
            parse.GetValue(_im) ?? media.Has(Modality.Im),
            parse.GetValue(_screen) ?? media.Has(Modality.Screen));
        return Result<Extension>.Ok(new Extension
        {
            Tenant = new TenantRef(eid, null),
            Address = address,
            Mode = mode ?? stored?.Mode ?? RecordingMode.Full,
            User = userId is { } id ? new User { Id = id } : null,
            MediaChange = change,
        });
    }
}
