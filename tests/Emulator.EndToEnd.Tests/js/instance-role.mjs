// node instance-role.mjs ENDPOINT INSTANCE_ID: what an application on an EC2 instance does with the SDK's default
// Node chain (which reaches the instance metadata service through AWS_EC2_METADATA_SERVICE_ENDPOINT): calls STS
// GetCallerIdentity and EC2 DescribeInstances for its own instance at ENDPOINT, and prints
// {"Arn","AccessKeyId","Expiration","InstanceProfileArn"}. A failure is "<name>: <message>" on stderr, exit code 1.
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { EC2Client, DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";

const [endpoint, instanceId] = process.argv.slice(2);
try {
  const credentials = fromNodeProviderChain();
  const keys = await credentials();
  const sts = new STSClient({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
  const ec2 = new EC2Client({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  const instance = described.Reservations[0].Instances[0];
  console.log(JSON.stringify({
    Arn: identity.Arn,
    AccessKeyId: keys.accessKeyId,
    Expiration: keys.expiration?.toISOString(),
    InstanceProfileArn: instance.IamInstanceProfile?.Arn ?? null,
  }));
} catch (error) {
  console.error(`${error.name}: ${error.message}`);
  process.exit(1);
}
