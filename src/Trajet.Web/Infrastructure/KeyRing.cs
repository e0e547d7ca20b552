using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Trajet.Web.Features.Operations;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// The Data Protection keys live in <c>DataProtection:KeysPath</c>, encrypted with the certificate of
/// <c>DataProtection:CertificatePath</c> when there is one (docs/operations.md).
/// </summary>
public static class KeyRing
{
    public static IServiceCollection AddTrajetKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName("Trajet")
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysPath"] ?? BackupTarget.DefaultKeysPath));
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath ({path}) has no private key: the keys could not be read back.");
            }
            // On Linux the certificate is not in a store that Data Protection searches: it is given for reading too.
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }
}
