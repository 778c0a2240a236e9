using System.Globalization;
using Provisioning.Core.Model;

namespace Provisioning.Core.Results;

/// <summary>Field checks; each returns the failure naming the field, or null. Chain them with <c>??</c>.</summary>
public static class Rules
{
    public static Failure? Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? Failures.Mandatory(field) : null;

    public static Failure? Required<T>(T? value, string field)
        where T : struct =>
        value is null ? Failures.Mandatory(field) : null;

    public static Failure? MaxLength(string? value, string field, int max) =>
        value is not null && value.Length > max ? Failures.TooLong(field, value.Length, max) : null;

    public static Failure? RequiredText(string? value, string field, int max) =>
        Required(value, field) ?? MaxLength(value, field, max);

    public static Failure? NotNegative(int? value, string field) =>
        value < 0 ? Failures.Invalid(field, value.Value, "must not be negative") : null;

    public static Failure? Positive(long? value, string field) =>
        value <= 0 ? Failures.Invalid(field, value.Value, "must be a positive id") : null;

    public static Failure? Eid(string? eid, string field) =>
        Required(eid, field)
        ?? (eid!.Length == 4 && eid.All(char.IsAsciiLetterOrDigit) ? null : Failures.Invalid(field, eid, "an eid is exactly 4 characters 0-9, A-Z or a-z"));

    public static Failure? Period(DateTimeOffset? from, DateTimeOffset? to, string fromField, string toField) =>
        from is not null && to is not null && to < from
            ? Failures.Illegal(string.Create(CultureInfo.InvariantCulture, $"{toField} must not be before {fromField}"))
            : null;

    /// <summary>An environment named by eid and short name must be named the same by both.</summary>
    public static Failure? Agrees(Tenant tenant, TenantRef named, string field)
    {
        var eidOk = string.IsNullOrEmpty(named.Eid) || Keys.Fold(named.Eid) == Keys.Fold(tenant.Eid!);
        var nameOk = string.IsNullOrEmpty(named.ShortName) || Keys.Fold(named.ShortName) == Keys.Fold(tenant.ShortName!);
        return eidOk && nameOk
            ? null
            : Failures.Illegal($"{field}: eid '{named.Eid}' and environmentShortName '{named.ShortName}' name different environments");
    }
}
