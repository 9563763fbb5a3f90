namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A boto3 script (for <see cref="Boto3"/>, run under a <see cref="FakeClock"/>) that walks the emulator clock and
/// its own clock together through the offsets in <c>ARG_STEPS</c> (seconds, a JSON list), calls STS
/// GetCallerIdentity at each and emits the caller ARN and the access key botocore signed with, so a test sees when
/// botocore's own refresh logic fetched a new set (from IMDS or a container endpoint).
/// </summary>
public static class ClockSteps
{
    public const string Boto3Script = """
        import urllib.request
        sts = client("sts")
        seen, moved = [], 0
        for offset in json.loads(arg("STEPS")):
            body = json.dumps({"offsetSeconds": offset - moved}).encode()
            urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/_emulator/clock", data=body, method="POST",
                headers={"Content-Type": "application/json"})).read()
            moved = offset
            with open(arg("CLOCK_FILE"), "w") as f:
                f.write("+%d\n" % offset)
            identity = sts.get_caller_identity()
            frozen = sts._request_signer._credentials.get_frozen_credentials()
            seen.append({"offset": offset, "arn": identity["Arn"], "key": frozen.access_key})
        emit(seen)
        """;
}
