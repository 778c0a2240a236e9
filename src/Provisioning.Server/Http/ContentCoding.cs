namespace Provisioning.Server.Http;

/// <summary>The Content-Encoding of a request body the server can read.</summary>
internal enum ContentCoding
{
    Identity,
    Gzip,
    Deflate,
}
