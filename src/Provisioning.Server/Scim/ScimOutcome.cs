using System.Text.Json.Nodes;

namespace Provisioning.Server.Scim;

/// <summary>What a SCIM operation answers: a status with a resource (or none), or an error.</summary>
internal sealed record ScimOutcome(int Status, JsonObject? Body, ScimError? Error)
{
    public static ScimOutcome Ok(JsonObject body) => new(StatusCodes.Status200OK, body, null);

    public static ScimOutcome Created(JsonObject body) => new(StatusCodes.Status201Created, body, null);

    public static ScimOutcome NoContent { get; } = new(StatusCodes.Status204NoContent, null, null);

    public static implicit operator ScimOutcome(ScimError error) => new(error.Status, null, error);
}
