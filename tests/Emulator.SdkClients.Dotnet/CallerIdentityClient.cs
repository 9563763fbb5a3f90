using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Emulator.SdkClients.Dotnet;

/// <summary>
/// <c>Emulator.SdkClients.Dotnet --endpoint http://127.0.0.1:PORT</c>: resolves credentials with the SDK's
/// default chain, as an application does, calls STS GetCallerIdentity at the endpoint and prints
/// <c>{"Arn","Account","UserId","AccessKeyId"}</c>. Any failure is printed whole on stderr with exit code 1,
/// so a test can assert the SDK's own words. With <c>--instance i-…</c> it also calls EC2 DescribeInstances for
/// that instance and adds <c>"InstanceProfileArn"</c> (the application on an instance reading its own profile). The chain's providers are process-wide singletons reading the
/// environment, hence a process per scenario rather than a call inside the test process.
/// </summary>
public static class CallerIdentityClient
{
    public static async Task<int> Main(string[] args)
    {
        string endpoint;
        string? instanceId = null;
        switch (args)
        {
            case ["--endpoint", var only]:
                endpoint = only;
                break;
            case ["--endpoint", var withInstance, "--instance", var instance]:
                endpoint = withInstance;
                instanceId = instance;
                break;
            default:
                await Console.Error.WriteLineAsync("usage: Emulator.SdkClients.Dotnet --endpoint http://127.0.0.1:PORT [--instance i-...]");
                return 2;
        }

        try
        {
            var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
            var keys = await credentials.GetCredentialsAsync();
            using var sts = new AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig
            {
                ServiceURL = endpoint,
                AuthenticationRegion = "us-east-1",
                MaxErrorRetry = 0,
            });
            var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
            string? profileArn = null;
            if (instanceId is not null)
            {
                using var ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config { ServiceURL = endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
                var described = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
                profileArn = described.Reservations[0].Instances[0].IamInstanceProfile?.Arn;
            }

            using var output = Console.OpenStandardOutput();
            using var json = new Utf8JsonWriter(output);
            json.WriteStartObject();
            json.WriteString("Arn", identity.Arn);
            json.WriteString("Account", identity.Account);
            json.WriteString("UserId", identity.UserId);
            json.WriteString("AccessKeyId", keys.AccessKey);
            if (instanceId is not null)
            {
                json.WriteString("InstanceProfileArn", profileArn);
            }
            json.WriteEndObject();
            return 0;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync(e.ToString());
            return 1;
        }
    }
}
