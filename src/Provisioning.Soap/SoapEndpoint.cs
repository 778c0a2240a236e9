using System.Text;
using System.Xml;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Envelope;
using Provisioning.Soap.Operations;

namespace Provisioning.Soap;

/// <summary>
/// One API version: reads a request envelope, binds the operation's parameters, runs it, writes the response. A
/// request that cannot be understood is answered with a fault before anything runs; the whole document is read
/// (and must be well formed) before the operation starts, so a broken request changes nothing.
/// </summary>
public sealed class SoapEndpoint
{
    private readonly IReadOnlyDictionary<string, OperationBinder> _operations;
    private readonly TimeProvider _time;
    private readonly XmlLimits _limits;

    public SoapEndpoint(int version, IReadOnlyDictionary<string, OperationBinder> operations, WsdlDocument wsdl, TimeProvider time, XmlLimits? limits = null)
    {
        _time = time;
        _limits = limits ?? new XmlLimits();
        Version = version;
        Namespace = SoapNamespaces.ForVersion(version);
        _operations = operations;
        Wsdl = wsdl;
    }

    public int Version { get; }

    public string Namespace { get; }

    public WsdlDocument Wsdl { get; }

    public IEnumerable<string> OperationNames => _operations.Keys;

    /// <summary>Handles one UTF-8 request body without a client address (as from the command line).</summary>
    public Task<SoapOutcome> HandleAsync(ReadOnlyMemory<byte> body, Stream output, CancellationToken cancellationToken) =>
        HandleAsync(body, null, output, SoapRequest.Local, cancellationToken);

    /// <summary>
    /// Handles one request body whose HTTP charset is <paramref name="charset"/> (null for UTF-8 or none); writes the
    /// response to <paramref name="output"/> and returns the HTTP status.
    /// </summary>
    public async Task<SoapOutcome> HandleAsync(ReadOnlyMemory<byte> body, Encoding? charset, Stream output, SoapRequest request, CancellationToken cancellationToken)
    {
        string operation;
        Invocation invocation;
        try
        {
            (operation, invocation) = Bind(body, charset);
        }
        catch (SoapFaultException fault)
        {
            EnvelopeWriter.WriteFault(output, fault.Code, fault.Message);
            return new SoapOutcome(500, null, fault.Code);
        }
        var reply = await invocation(request with { Operation = $"v{Version}:{operation}" }, cancellationToken);
        EnvelopeWriter.WriteResponse(output, Namespace, operation, reply.WriteReturnContent);
        return new SoapOutcome(200, operation, null, reply.Outcome);
    }

    private (string Operation, Invocation Invocation) Bind(ReadOnlyMemory<byte> body, Encoding? charset)
    {
        if (body.Length == 0)
        {
            throw SoapFaultException.Malformed("the request has no body");
        }
        if (EnvelopeReader.HasDoctype(body.Span))
        {
            throw SoapFaultException.Malformed("a DOCTYPE is not allowed: DTDs are never processed");
        }
        try
        {
            using var reader = EnvelopeReader.Create(body, charset);
            var (ns, name) = EnvelopeReader.ReadToOperation(reader);
            if (ns != Namespace || !_operations.TryGetValue(name, out var binder))
            {
                throw SoapFaultException.NoDispatch(ns, name);
            }
            var invocation = binder(new ElementReader(reader, string.Empty, _limits.ForRequest()));
            EnvelopeReader.ReadToEnd(reader);
            return (name, invocation);
        }
        catch (XmlException e)
        {
            throw SoapFaultException.Malformed(e.Message);
        }
        catch (DecoderFallbackException e)
        {
            // Bytes the HTTP charset does not define: the reader's own decoder would have said so as an XmlException.
            throw SoapFaultException.Malformed(e.Message);
        }
    }
}
