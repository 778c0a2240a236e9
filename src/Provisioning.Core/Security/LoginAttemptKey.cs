namespace Provisioning.Core.Security;

/// <summary>
/// What failed logins are counted by (spec §4): the environment, the login name and the client's address, so a flood
/// from one address cannot lock the login out for everyone else.
/// </summary>
public sealed record LoginAttemptKey(string Eid, string LoginName, string ClientAddress)
{
    /// <summary>The address of callers that have none, such as the command line on the server itself.</summary>
    public const string Local = "local";
}
