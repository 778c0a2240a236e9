using System.CommandLine;
using Provisioning.Core.Model;

namespace Provisioning.Cli.Commands;

/// <summary>The optional fields of a user as options; each given one replaces the value it names.</summary>
internal sealed class UserOptions
{
    private readonly Option<string?> _displayName = new("--display-name") { Description = "Display name" };
    private readonly Option<string?> _email = new("--email") { Description = "E-mail address" };
    private readonly Option<string?> _externalId = new("--external-id") { Description = "External id" };
    private readonly Option<bool?> _locked = new("--locked") { Description = "Whether the user is locked (true or false)" };

    public void AddTo(Command command)
    {
        command.Add(_displayName);
        command.Add(_email);
        command.Add(_externalId);
        command.Add(_locked);
    }

    public User Apply(ParseResult parse, User user) => user with
    {
        DisplayName = parse.GetValue(_displayName) ?? user.DisplayName,
        Email = parse.GetValue(_email) ?? user.Email,
        ExternalId = parse.GetValue(_externalId) ?? user.ExternalId,
        Locked = parse.GetValue(_locked) ?? user.Locked,
    };
}
