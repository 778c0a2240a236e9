using System.CommandLine;
using Provisioning.Core.Model;

namespace Provisioning.Cli.Commands;

/// <summary>The optional fields of an environment as options; each given one replaces the value it names.</summary>
internal sealed class TenantOptions
{
    private readonly Option<string?> _displayName = new("--display-name") { Description = "Display name" };
    private readonly Option<string?> _helpdesk = new("--helpdesk-url") { Description = "Helpdesk URL" };
    private readonly Option<bool?> _inactive = new("--inactive") { Description = "Whether the environment is inactive (true or false)" };

    public void AddTo(Command command)
    {
        command.Add(_displayName);
        command.Add(_helpdesk);
        command.Add(_inactive);
    }

    public Tenant Apply(ParseResult parse, Tenant tenant) => tenant with
    {
        DisplayName = parse.GetValue(_displayName) ?? tenant.DisplayName,
        HelpdeskUrl = parse.GetValue(_helpdesk) ?? tenant.HelpdeskUrl,
        Inactive = parse.GetValue(_inactive) ?? tenant.Inactive,
    };
}
