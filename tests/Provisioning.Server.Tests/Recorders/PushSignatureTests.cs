using System.Text;
using ReferenceRecorder;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>The reference recorder's check of a push signature: HMAC-SHA256 keyed with SHA-256 of the secret, over the exact body.</summary>
public sealed class PushSignatureTests
{
    private const string Secret = "s3cret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"recorder":"rec1","revision":42,"extensions":[]}""");

    // What the README's openssl line prints for this secret and body:
    // printf %s "$BODY" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf %s "$SECRET" | sha256sum | cut -d' ' -f1)
    private const string OpenSsl = "sha256=5ecf9219c3a6890c5913e08e436b62f588e8520d7927168cb1e7dcddc3b496db";

    [Fact]
    public void Compute_KnownSecretAndBody_WhatOpenSslComputes() => Assert.Equal(OpenSsl, PushSignature.Compute(Secret, Body));

    [Fact]
    public void Verify_CorrectSignature_Accepted() => Assert.True(PushSignature.Verify(Secret, Body, OpenSsl));

    [Fact]
    public void Verify_BodyChangedByOneByte_Refused()
    {
        var changed = Body.ToArray();
        changed[^3] = (byte)' ';

        Assert.False(PushSignature.Verify(Secret, changed, OpenSsl));
    }

    [Fact]
    public void Verify_WrongSecret_Refused() => Assert.False(PushSignature.Verify("s3cret2", Body, OpenSsl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5ecf9219c3a6890c5913e08e436b62f588e8520d7927168cb1e7dcddc3b496db")]
    [InlineData("sha1=5ecf9219c3a6890c5913e08e436b62f588e8520d7927168cb1e7dcddc3b496db")]
    [InlineData("sha256=5ecf9219c3a6890c5913e08e436b62f588e8520d7927168cb1e7dcddc3b496")]
    [InlineData("sha256=zzcf9219c3a6890c5913e08e436b62f588e8520d7927168cb1e7dcddc3b496db")]
    public void Verify_MalformedHeader_Refused(string? header) => Assert.False(PushSignature.Verify(Secret, Body, header));
}
