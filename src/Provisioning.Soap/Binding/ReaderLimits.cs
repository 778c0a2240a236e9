namespace Provisioning.Soap.Binding;

/// <summary>
/// Bounds on one request beyond its byte size: how deep elements nest, how many there are, how long one value is.
/// One instance per request (it counts).
/// </summary>
public sealed class ReaderLimits(int maxDepth = 32, int maxElements = 100_000, int maxStringLength = 65_536)
{
    private int _elements;

    public int MaxDepth { get; } = maxDepth;

    public int MaxElements { get; } = maxElements;

    public int MaxStringLength { get; } = maxStringLength;

    public void CountElement()
    {
        if (++_elements > MaxElements)
        {
            throw Envelope.SoapFaultException.Malformed($"the request has more than {MaxElements} elements");
        }
    }
}
