namespace Provisioning.Soap.Binding;

/// <summary>The configured bounds of one request's XML (Provisioning:Limits); each request counts against a fresh <see cref="ReaderLimits"/>.</summary>
public sealed record XmlLimits(int MaxDepth = 32, int MaxElements = 100_000, int MaxValueLength = 65_536)
{
    public ReaderLimits ForRequest() => new(MaxDepth, MaxElements, MaxValueLength);
}
