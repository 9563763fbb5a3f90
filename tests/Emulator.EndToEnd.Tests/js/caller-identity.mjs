// node caller-identity.mjs ENDPOINT: resolves credentials with the SDK's default Node chain, as an application
// does, calls STS GetCallerIdentity at ENDPOINT and prints {"Arn","Account","UserId","AccessKeyId"}. A failure
// is printed as "<name>: <message>" on stderr with exit code 1, so a test can assert the SDK's own words.
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";

const endpoint = process.argv[2];
try {
  const credentials = fromNodeProviderChain();
  const keys = await credentials();
  const sts = new STSClient({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  console.log(JSON.stringify({ Arn: identity.Arn, Account: identity.Account, UserId: identity.UserId, AccessKeyId: keys.accessKeyId }));
} catch (error) {
  console.error(`${error.name}: ${error.message}`);
  process.exit(1);
}
