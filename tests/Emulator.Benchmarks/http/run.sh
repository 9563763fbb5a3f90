#!/usr/bin/env bash
# HTTP load for the STS targets (AssumeRole >= 10,000/s, GetCallerIdentity with session credentials >= 20,000/s).
# Starts a Release build of the server on a loopback port, seeds a user allowed to assume a role, signs one request
# of each kind with botocore, replays it with wrk for DURATION seconds, and stops the server it started.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-4611}
DURATION=${DURATION:-15}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
LOG_LEVEL=${LOG_LEVEL:-Warning}
URL=http://127.0.0.1:$PORT
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

cat > "$work/seed.json" <<'JSON'
{"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIABENCHROOT0000001","rootSecretAccessKey":"root",
  "users":[{"UserName":"bench","AccessKeys":[{"AccessKeyId":"AKIABENCHUSER0000001","SecretAccessKey":"bench-secret"}],
            "Policies":[{"PolicyName":"assume","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111111111111:role/bench"}]}}]}],
  "roles":[{"RoleName":"bench","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/bench"},"Action":"sts:AssumeRole"}]}}]}]}
JSON

dotnet build -c Release src/Emulator.Server -v q -nologo >/dev/null
dotnet src/Emulator.Server/bin/Release/net10.0/Emulator.Server.dll --urls "$URL" --seed "$work/seed.json" \
  --Serilog:MinimumLevel:Default="$LOG_LEVEL" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "$URL/_emulator/health" >/dev/null && break; sleep 0.1; done

python3 tests/Emulator.Benchmarks/http/sign_request.py "$URL" AssumeRole "$work/assume.lua" AKIABENCHUSER0000001 bench-secret \
  RoleArn=arn:aws:iam::111111111111:role/bench RoleSessionName=bench
creds=$(AWS_ACCESS_KEY_ID=AKIABENCHUSER0000001 AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1 \
  aws --endpoint-url "$URL" sts assume-role --role-arn arn:aws:iam::111111111111:role/bench --role-session-name bench \
  --duration-seconds 3600 --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
read -r id secret token <<<"$creds"
python3 tests/Emulator.Benchmarks/http/sign_request.py "$URL" GetCallerIdentity "$work/identity.lua" "$id" "$secret" "$token"

echo "== AssumeRole (signed by an IAM user, trust + identity policy evaluated, credentials minted)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/assume.lua" "$URL/"
echo "== GetCallerIdentity with session credentials (session token verified)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$work/identity.lua" "$URL/"
