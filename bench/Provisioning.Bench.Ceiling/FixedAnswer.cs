using System.Text;

namespace Provisioning.Bench.Ceiling;

/// <summary>The fixed answer; the request body is read to its end first, as any real endpoint must.</summary>
internal static class FixedAnswer
{
    private static readonly byte[] CreateExtensionOk = Encoding.UTF8.GetBytes(
        "<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
        + "<ns2:createExtensionResponse xmlns:ns2=\"http://v2.provisioning.ws.web.verba.com/\"><return><statusCode>OK</statusCode>"
        + "</return></ns2:createExtensionResponse></S:Body></S:Envelope>");

    public static async Task WriteAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/xml; charset=utf-8";
        context.Response.ContentLength = CreateExtensionOk.Length;
        await context.Response.Body.WriteAsync(CreateExtensionOk, context.RequestAborted);
    }
}
