using System.Diagnostics;
using Emulator.Core.Iam.Policies;
using Xunit.Abstractions;

namespace Emulator.Core.Tests.Iam;

/// <summary>AWS's managed policy catalogue, built in from Catalog/aws-managed-policies.jsonl.</summary>
public sealed class AwsManagedPolicyCatalogTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_policy_in_the_catalogue_parses_with_the_emulators_grammar()
    {
        var watch = Stopwatch.StartNew();
        var all = AwsManagedPolicies.ParseAll().ToList();
        output.WriteLine($"{all.Count} policies compiled in {watch.ElapsedMilliseconds} ms");

        all.Count.Should().BeGreaterThan(1500);
        all.Where(p => p.Parsed.Document is null).Select(p => $"{p.Name}: {p.Parsed.Error}").Should().BeEmpty();
    }

    [Fact]
    public void Policies_carry_AWSs_paths_default_versions_and_dates()
    {
        var catalog = AwsManagedPolicies.Create();

        var admin = catalog["arn:aws:iam::aws:policy/AdministratorAccess"];
        admin.Path.Should().Be("/");
        admin.DefaultVersionId.Should().Be("v1");
        admin.CreateDate.Should().Be(new DateTimeOffset(2015, 2, 6, 18, 39, 46, TimeSpan.Zero));
        admin.Description.Should().Be("Provides full access to AWS services and resources.");
        admin.DefaultVersion.Document.Text.Should().Be("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""".Replace(" ", ""));
        admin.PolicyId.Should().MatchRegex("^ANPA[A-Z2-7]{17}$");

        var ssmRole = catalog["arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM"];
        ssmRole.Path.Should().Be("/service-role/");
        ssmRole.DefaultVersionId.Should().MatchRegex("^v[0-9]+$");
        ssmRole.NextVersionNumber.Should().Be(int.Parse(ssmRole.DefaultVersionId[1..]) + 1);
        catalog["arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy"].Path.Should().Be("/aws-service-role/");
        catalog.Keys.Should().OnlyHaveUniqueItems();
        catalog.InPartition("aws").Select(p => p.Arn).Should().OnlyContain(k => k.StartsWith("arn:aws:iam::aws:policy/"));

        var china = catalog["arn:aws-cn:iam::aws:policy/AdministratorAccess"];
        china.Partition.Should().Be("aws-cn");
        china.DefaultVersion.Should().BeSameAs(admin.DefaultVersion, "every partition shares the compiled document");
        catalog.InPartition("aws-cn").Should().HaveCount(catalog.InPartition("aws").Count());
    }

    [Fact]
    public void The_catalogue_is_one_shared_instance_and_a_policy_is_compiled_once()
    {
        var first = AwsManagedPolicies.Create();
        var second = AwsManagedPolicies.Create();

        second.Should().BeSameAs(first);
        second["arn:aws:iam::aws:policy/ReadOnlyAccess"].Should().BeSameAs(first["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
        first.ContainsKey("arn:aws:iam::aws:policy/NoSuchPolicy").Should().BeFalse();
        first.TryGetValue("arn:aws:iam::aws:policy/NoSuchPolicy", out _).Should().BeFalse();
    }
}
