using Provisioning.Tests.Shared;

namespace Provisioning.Soap.Tests.Support;

/// <summary>The exact bytes the JAX-WS reference implementation wrote (tests/spec/reference).</summary>
public static class ReferenceBytes
{
    public static byte[] Read(string name)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Spec(Path.Combine("reference", name)));
        // A final newline would be an editor's, not the wire's: the reference answers end at </S:Envelope>.
        return bytes is [.., (byte)'\n'] ? bytes[..^1] : bytes;
    }
}
