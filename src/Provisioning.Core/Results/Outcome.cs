namespace Provisioning.Core.Results;

/// <summary>The business outcomes of the API; each front maps them to its status codes in one place.</summary>
public enum Outcome
{
    Ok = 0,
    Unauthorized,
    IllegalArgument,
    AlreadyExists,
    NotFound,
    TooManyResults,
    General,
}
