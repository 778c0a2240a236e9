namespace Provisioning.Server.Scim;

/// <summary>The schema and message URNs this service speaks (RFC 7643 §8.7, RFC 7644 §3.1), and this project's extension.</summary>
internal static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>How the user's numbers are recorded: recordingMode and media (docs/SCIM.md).</summary>
    public const string VerbaUser = "urn:verba:params:scim:schemas:extension:provisioning:2.0:User";

    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    public static bool IsCore(string? schema) =>
        schema is null || string.Equals(schema, User, StringComparison.OrdinalIgnoreCase) || string.Equals(schema, Group, StringComparison.OrdinalIgnoreCase);
}
