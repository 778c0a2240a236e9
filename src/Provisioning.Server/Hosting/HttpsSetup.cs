using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Provisioning.Hosting;

namespace Provisioning.Server.Hosting;

/// <summary>Turns on TLS for the API listeners when the URL template says https, with the configured certificate.</summary>
internal static class HttpsSetup
{
    public static void Apply(ListenOptions listen, ListenTemplate template, HttpsSettings settings)
    {
        if (template.Scheme != "https")
        {
            return;
        }
        listen.UseHttps(Load(settings));
    }

    public static X509Certificate2 Load(HttpsSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            throw new InvalidOperationException("Provisioning:UrlTemplate is https but Provisioning:Https:CertificatePath is not set.");
        }
        if (!File.Exists(settings.CertificatePath))
        {
            throw new InvalidOperationException($"Provisioning:Https:CertificatePath '{settings.CertificatePath}' does not exist.");
        }
        try
        {
            return settings.KeyPath is { Length: > 0 } key
                ? X509Certificate2.CreateFromPemFile(settings.CertificatePath, key)
                : X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The certificate '{settings.CertificatePath}' cannot be loaded: {e.Message}", e);
        }
    }
}
