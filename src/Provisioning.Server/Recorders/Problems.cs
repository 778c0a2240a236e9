using System.Text.Json;

namespace Provisioning.Server.Recorders;

/// <summary>Errors of the recorder feed as RFC 9457 problem details; an authentication failure says nothing more than its status.</summary>
internal static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string? detail = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        await using var w = new Utf8JsonWriter(response.Body);
        w.WriteStartObject();
        w.WriteString("type", "about:blank");
        w.WriteString("title", title);
        w.WriteNumber("status", status);
        if (detail is not null)
        {
            w.WriteString("detail", detail);
        }
        w.WriteEndObject();
        await w.FlushAsync(context.RequestAborted);
    }

    public static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
    }
}
