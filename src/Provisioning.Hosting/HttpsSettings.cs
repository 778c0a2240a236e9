namespace Provisioning.Hosting;

/// <summary>
/// The certificate of the API listeners when Provisioning:UrlTemplate is https (Provisioning:Https): a PKCS#12 file
/// with its password, or a PEM certificate with its PEM key.
/// </summary>
public sealed class HttpsSettings
{
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>For a PEM certificate: the file of its private key.</summary>
    public string? KeyPath { get; set; }
}
