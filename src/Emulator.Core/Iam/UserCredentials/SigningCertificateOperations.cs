using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Users;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.UserCredentials;

/// <summary>
/// UploadSigningCertificate, ListSigningCertificates, UpdateSigningCertificate, DeleteSigningCertificate: X.509
/// certificates in PEM, at most two per user; without UserName the caller's own (the root's, for root keys).
/// </summary>
public sealed class SigningCertificateOperations(IamContext context)
{
    public SigningCertificate Upload(string accountId, string? userName, string? body)
    {
        new ParameterValidator().Name("userName", userName, 128, required: false).Required("certificateBody", body).Length("certificateBody", body, 1, 16384)
            .Pattern("certificateBody", body, ModelPattern.PolicyDocument).ThrowIfInvalid();
        var thumbprint = Thumbprint(body!);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
            if (account.SigningCertificates.Values.Any(c => c.Thumbprint == thumbprint))
            {
                throw new AwsError("DuplicateCertificate", "The same certificate is already associated with an IAM user in the account.", 409).ToException();
            }

            if (account.SigningCertificates.Values.Count(c => c.UserName == owner) >= context.Quotas.SigningCertificatesPerUser)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for SigningCertificatesPerUser: {context.Quotas.SigningCertificatesPerUser}");
            }

            var certificate = new SigningCertificate(accountId, owner, context.Ids.Hex(32).ToUpperInvariant(), body!, thumbprint, true, context.Now());
            account.SigningCertificates[certificate.CertificateId] = certificate;
            return certificate;
        });
    }

    public Page<SigningCertificate> List(string accountId, string? userName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128, required: false);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var certificates = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
            return account.SigningCertificates.Values.Where(c => c.UserName == owner).ToList();
        });
        return Paginator.Paginate(certificates, c => c.CertificateId, marker, maxItems);
    }

    public void Update(string accountId, string? userName, string? certificateId, string? status)
    {
        new ParameterValidator().Name("userName", userName, 128, required: false).Required("certificateId", certificateId)
            .Length("certificateId", certificateId, 24, 128).Pattern("certificateId", certificateId, ModelPattern.Word)
            .Required("status", status).OneOf("status", status, "Active", "Inactive").ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var certificate = Find(account, userName, certificateId!);
            account.SigningCertificates[certificate.CertificateId] = certificate with { IsActive = status == "Active" };
            return true;
        });
    }

    public void Delete(string accountId, string? userName, string? certificateId)
    {
        new ParameterValidator().Name("userName", userName, 128, required: false).Required("certificateId", certificateId).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            return account.SigningCertificates.Remove(Find(account, userName, certificateId!).CertificateId);
        });
    }

    /// <summary>Parses the PEM certificate (IAM's message when it cannot) and names it by its SHA-1 thumbprint.</summary>
    private string Thumbprint(string body)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(body);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new AwsError("MalformedCertificate", "Unable to parse certificate. Please ensure the certificate is in PEM format.", 400).ToException();
        }

        using (certificate)
        {
            if (certificate.NotAfter.ToUniversalTime() < context.Now().UtcDateTime)
            {
                throw new AwsError("MalformedCertificate", $"Certificate has expired: {certificate.NotAfter.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}", 400).ToException();
            }

            return certificate.Thumbprint;
        }
    }

    private static SigningCertificate Find(Store.AccountState account, string? userName, string certificateId)
    {
        var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
        return account.SigningCertificates.TryGetValue(certificateId, out var certificate) && certificate.UserName == owner
            ? certificate
            : throw IamErrors.NoSuchEntity($"The Certificate with id {certificateId} cannot be found.");
    }
}
