using System.Globalization;

namespace Provisioning.Core.Results;

/// <summary>Every message the API sends with a non-OK status, in one place. Documented wordings are kept exactly.</summary>
public static class Failures
{
    // Documented wordings (vendor documentation); clients match on them.
    public static readonly Failure TokenInvalid = new(Outcome.Unauthorized, "This token is expired or never got authenticated.");
    public static readonly Failure LoginFailed = new(Outcome.General, "com.verba.web.user.UserNotFoundException");
    public static readonly Failure DefaultGroupNotDeletable = new(Outcome.IllegalArgument, "This is the default group and so it can not be deleted.");

    public static readonly Failure LastSystemAdministrator =
        new(Outcome.IllegalArgument, "The last unlocked System Administrator cannot be deleted, locked or lose that role");

    public static readonly Failure PermissionDenied = new(Outcome.Unauthorized, "Permission denied.");

    /// <summary>The write's precondition on the stored object (a version the caller read) no longer held inside its transaction.</summary>
    public static readonly Failure ChangedMeanwhile = new(Outcome.IllegalArgument, "The object was changed by another write since it was read.");

    public static Failure ExtensionExists(string eid, string address) =>
        new(Outcome.AlreadyExists, $"This extension already exists in the database: {eid}:{address}");

    public static Failure Exists(string what, string field, string value) =>
        new(Outcome.AlreadyExists, $"This {what} already exists in the database: {field} '{value}'");

    public static Failure Mandatory(string field) => new(Outcome.IllegalArgument, $"{field} is mandatory");

    public static Failure TooLong(string field, int length, int max) =>
        new(Outcome.IllegalArgument, string.Create(CultureInfo.InvariantCulture, $"{field} is too long: {length} characters, at most {max} are allowed"));

    public static Failure Invalid(string field, string value, string expected) =>
        new(Outcome.IllegalArgument, $"{field} '{value}' is not valid: {expected}");

    public static Failure Invalid(string field, long value, string expected) =>
        Invalid(field, value.ToString(CultureInfo.InvariantCulture), expected);

    public static Failure DoesNotExist(string field, string value) =>
        new(Outcome.IllegalArgument, $"{field} '{value}' does not exist");

    public static Failure DoesNotExist(string field, long value) =>
        DoesNotExist(field, value.ToString(CultureInfo.InvariantCulture));

    public static Failure TwoPrimaryGroups(string field, long userId) =>
        new(Outcome.IllegalArgument, string.Create(CultureInfo.InvariantCulture, $"{field}: user {userId} would have two primary groups; every user has exactly one"));

    public static Failure NoPrimaryGroup(string field, long userId) =>
        new(Outcome.IllegalArgument, string.Create(CultureInfo.InvariantCulture, $"{field}: user {userId} would have no primary group; every user has exactly one"));

    public static Failure FolderInUse(long folderId, string policy) =>
        new(Outcome.IllegalArgument, string.Create(CultureInfo.InvariantCulture, $"The storage folder {folderId} is used by the storage policy '{policy}' and so it can not be deleted"));

    public static Failure Illegal(string message) => new(Outcome.IllegalArgument, message);

    public static Failure NotFound(string message) => new(Outcome.NotFound, message);

    public static Failure TooManyResults(int max) =>
        new(Outcome.TooManyResults, string.Create(CultureInfo.InvariantCulture, $"The result has more than {max} entries; narrow the filter"));
}
