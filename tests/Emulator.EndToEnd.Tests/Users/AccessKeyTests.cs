using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Users;

/// <summary>Access keys through boto3: two per user, a new key signs requests, an inactive one signs nothing.</summary>
[Collection(Boto3WorkflowCollection.Name)]
public sealed class AccessKeyTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task A_user_gets_two_access_keys_and_a_third_is_LimitExceeded()
    {
        var user = UniqueName.For("keys");
        var result = (await emulator.Boto3().RunAsync("""
            user = arg("USER")
            created = iam.create_user(UserName=user)["User"]
            first = iam.create_access_key(UserName=user)["AccessKey"]
            second = iam.create_access_key(UserName=user)["AccessKey"]
            emit({
                "user": created,
                "first": first,
                "second": second,
                "third": error_of(iam.create_access_key, UserName=user),
                "listed": iam.list_access_keys(UserName=user)["AccessKeyMetadata"],
                "deleteUser": error_of(iam.delete_user, UserName=user),
            })
            """, new Dictionary<string, string> { ["USER"] = user })).ShouldSucceed().Json;

        result.Text("user", "Arn").Should().Be($"arn:aws:iam::123456789012:user/{user}");
        result.Text("user", "UserId").Should().MatchRegex("^AIDA[A-Z2-7]{17}$");
        foreach (var key in new[] { result.At("first"), result.At("second") })
        {
            key.Text("AccessKeyId").Should().MatchRegex("^AKIA[A-Z2-7]{16}$");
            key.Text("SecretAccessKey").Should().HaveLength(40);
            key.Text("Status").Should().Be("Active");
            key.Text("UserName").Should().Be(user);
        }

        result.Text("third", "Code").Should().Be("LimitExceeded");
        result.Text("third", "Message").Should().Be("Cannot exceed quota for AccessKeysPerUser: 2");
        result.At("third", "Status").GetInt32().Should().Be(409);

        var listed = result.Items("listed");
        listed.Select(k => k.Text("AccessKeyId")).Should().BeEquivalentTo(result.Text("first", "AccessKeyId"), result.Text("second", "AccessKeyId"));
        listed.Should().OnlyContain(k => !k.Has("SecretAccessKey"), "ListAccessKeys never returns secrets");

        result.Text("deleteUser", "Code").Should().Be("DeleteConflict");
        result.Text("deleteUser", "Message").Should().Be("Cannot delete entity, must delete access keys first.");
    }

    [Fact]
    public async Task A_new_key_signs_requests_and_records_its_last_use_until_it_is_made_Inactive()
    {
        var user = UniqueName.For("signer");
        var result = (await emulator.Boto3().RunAsync("""
            user = arg("USER")
            iam.create_user(UserName=user)
            key = iam.create_access_key(UserName=user)["AccessKey"]
            key_id = key["AccessKeyId"]
            never_used = iam.get_access_key_last_used(AccessKeyId=key_id)
            as_user = client("iam", key_id, key["SecretAccessKey"])
            active = error_of(as_user.get_user)
            used = iam.get_access_key_last_used(AccessKeyId=key_id)
            iam.update_access_key(UserName=user, AccessKeyId=key_id, Status="Inactive")
            emit({
                "neverUsed": never_used,
                "active": active,
                "used": used,
                "status": [k["Status"] for k in iam.list_access_keys(UserName=user)["AccessKeyMetadata"]],
                "inactive": error_of(as_user.get_user),
            })
            """, new Dictionary<string, string> { ["USER"] = user })).ShouldSucceed().Json;

        result.Text("neverUsed", "UserName").Should().Be(user);
        result.Text("neverUsed", "AccessKeyLastUsed", "ServiceName").Should().Be("N/A");
        result.Text("neverUsed", "AccessKeyLastUsed", "Region").Should().Be("N/A");
        result.At("neverUsed", "AccessKeyLastUsed").Has("LastUsedDate").Should().BeFalse();

        // The key authenticates; whether the user may call GetUser is the policy engine's business, so
        // success and AccessDenied are both "signed correctly" here — an authentication failure is not.
        if (result.At("active").ValueKind != System.Text.Json.JsonValueKind.Null)
        {
            result.Text("active", "Code").Should().Be("AccessDenied", "a valid active key must pass authentication");
        }

        result.Text("used", "AccessKeyLastUsed", "ServiceName").Should().Be("iam");
        result.Text("used", "AccessKeyLastUsed", "Region").Should().Be("us-east-1");
        DateTimeOffset.Parse(result.Text("used", "AccessKeyLastUsed", "LastUsedDate")).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        result.Items("status").Select(s => s.GetString()).Should().Equal("Inactive");
        result.Text("inactive", "Code").Should().Be("InvalidClientTokenId");
        result.Text("inactive", "Message").Should().Be("The security token included in the request is invalid.");
        result.At("inactive", "Status").GetInt32().Should().Be(403);
    }
}
