using System.Globalization;
using System.Text;
using Emulator.Core.Errors;
using Emulator.Core.Iam.AccessKeys;
using Emulator.Core.Iam.UserCredentials;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.Reports;

/// <summary>
/// GenerateCredentialReport and GetCredentialReport. IAM builds at most one report every four hours: a younger report
/// is reused (State COMPLETE), an older one or none starts a new one (State STARTED, with AWS's Description). The
/// emulator builds the report at once from the state of that moment, so it is never in progress when read.
/// </summary>
public sealed class CredentialReportOperations(IamContext context)
{
    /// <summary>"You can generate a credential report as often as once every four hours" (IAM User Guide, credential reports).</summary>
    public static readonly TimeSpan ReuseWindow = TimeSpan.FromHours(4);

    public const string Header = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
        + "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
        + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
        + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    public CredentialReportState Generate(string accountId) => context.Store.Write(state =>
    {
        var account = IamRules.Account(state, accountId);
        var now = context.Now();
        if (account.CredentialReports.TryGetValue(CredentialReport.Key, out var current) && now - current.GeneratedTime < ReuseWindow)
        {
            // AWS answers a call within the window with the state alone (the CLI shows {"State": "COMPLETE"}).
            return new CredentialReportState("COMPLETE", null);
        }

        account.CredentialReports[CredentialReport.Key] = new CredentialReport(accountId, Seconds(now), Build(account, now));
        return new CredentialReportState("STARTED", "No report exists. Starting a new report generation task");
    });

    /// <summary>
    /// The latest report. AWS's errors carry no message (botocore prints "Unknown"): ReportNotPresent (410) before any
    /// generation, ReportExpired (410) once the report is older than the four hours after which IAM builds a new one.
    /// </summary>
    public CredentialReport Get(string accountId)
    {
        var report = context.Store.Read(state => IamRules.Account(state, accountId).CredentialReports.GetValueOrDefault(CredentialReport.Key))
            ?? throw new AwsError("ReportNotPresent", "", 410).ToException();
        return context.Now() - report.GeneratedTime >= ReuseWindow
            ? throw new AwsError("ReportExpired", "", 410).ToException()
            : report;
    }

    /// <summary>The CSV: the header, the root's row, then every user's, by name.</summary>
    private static string Build(AccountState account, DateTimeOffset now)
    {
        var csv = new StringBuilder(Header);
        var keys = account.AccessKeys.Values.OrderBy(k => k.CreateDate).ThenBy(k => k.AccessKeyId, StringComparer.Ordinal).ToList();
        var certificates = account.SigningCertificates.Values.OrderBy(c => c.UploadDate).ThenBy(c => c.CertificateId, StringComparer.Ordinal).ToList();

        // The root's password, MFA and sign-ins are outside IAM's API here: AWS writes not_supported for the password fields
        // it never reports for the root, and no_information where it has no sign-in data.
        Row(csv, ["<root_account>", Emulator.Policy.Arn.Iam(account.Partition, account.AccountId, "root").ToString(), Time(account.CreateDate), "not_supported", "no_information",
            "not_supported", "not_supported", "false"], keys.Where(k => k.UserName is null), certificates.Where(c => c.UserName is null));

        var maxAge = account.PasswordPolicy?.MaxPasswordAge;
        foreach (var user in account.Users.Values.OrderBy(u => u.UserName, StringComparer.Ordinal))
        {
            var profile = account.LoginProfiles.GetValueOrDefault(user.UserName);
            var mfa = account.MfaDevices.Values.Any(d => d.UserName == user.UserName);
            Row(csv, [
                user.UserName, user.Arn, Time(user.CreateDate),
                Flag(profile is not null),
                // AWS: N/A without a password; no_information for a password never used to sign in.
                profile is null ? "N/A" : profile.PasswordLastUsed is { } used ? Time(used) : "no_information",
                profile is null ? "N/A" : Time(profile.PasswordChangedDate),
                profile is not null && maxAge is { } days ? Time(profile.PasswordChangedDate.AddDays(days)) : "N/A",
                Flag(mfa),
            ], keys.Where(k => k.UserName == user.UserName), certificates.Where(c => c.UserName == user.UserName));
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string[] leading, IEnumerable<AccessKey> keys, IEnumerable<SigningCertificate> certificates)
    {
        csv.Append('\n').AppendJoin(',', leading);
        var twoKeys = keys.Take(2).ToList();
        for (var slot = 0; slot < 2; slot++)
        {
            var key = slot < twoKeys.Count ? twoKeys[slot] : null;
            var used = key?.LastUsed;
            csv.Append(',').Append(Flag(key?.IsActive == true))
                .Append(',').Append(key is null ? "N/A" : Time(key.CreateDate))
                .Append(',').Append(used is null ? "N/A" : Time(used.LastUsedDate))
                .Append(',').Append(used?.Region ?? "N/A")
                .Append(',').Append(used?.ServiceName ?? "N/A");
        }

        var twoCertificates = certificates.Take(2).ToList();
        for (var slot = 0; slot < 2; slot++)
        {
            var certificate = slot < twoCertificates.Count ? twoCertificates[slot] : null;
            csv.Append(',').Append(Flag(certificate?.IsActive == true))
                .Append(',').Append(certificate is null ? "N/A" : Time(certificate.UploadDate));
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>The report's ISO 8601 form, to the second with an explicit offset: 2014-08-14T21:32:58+00:00.</summary>
    private static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Seconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
