using Emulator.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emulator.EndToEnd.Tests.Protocol;

/// <summary>
/// IAM and STS are complete: every operation in botocore's service models (as installed with boto3 on the machine)
/// is in the emulator's action tables (GET /_emulator/model lists each by its IAM action), so an operation AWS adds and botocore picks up fails
/// this test until it is served.
/// </summary>
public sealed class EveryModelOperationIsServedTests(ITestOutputHelper output)
{
    private const string Script = """
        import botocore, botocore.session, json, urllib.request
        with urllib.request.urlopen(ENDPOINT + "/_emulator/model") as response:
            # Each operation is listed as the IAM action that authorizes it: "iam:CreateRole", "sts:AssumeRole".
            served = {service: [action.split(":", 1)[1] for action in actions] for service, actions in json.load(response)["actions"].items()}
        session = botocore.session.get_session()
        result = {"botocore": botocore.__version__}
        for service in ("iam", "sts"):
            model = session.get_service_model(service).operation_names
            result[service] = {"model": len(model), "served": len(served.get(service, [])),
                               "missing": sorted(set(model) - set(served.get(service, []))),
                               "notInModel": sorted(set(served.get(service, [])) - set(model))}
        print(json.dumps(result))
        """;

    [Fact]
    public async Task Every_IAM_and_STS_operation_in_botocores_model_is_served()
    {
        using var emulator = await EmulatorProcess.StartAsync();

        var result = (await emulator.Boto3().RunAsync(Script)).ShouldSucceed().Json;

        foreach (var service in new[] { "iam", "sts" })
        {
            output.WriteLine($"{service}: {result.At(service).At("served").GetInt32()} served of {result.At(service).At("model").GetInt32()} in botocore {result.At("botocore").GetString()}'s model");
            result.At(service).Items("missing").Select(o => o.GetString()).Should().BeEmpty($"every {service} operation in the model is served");
            result.At(service).Items("notInModel").Select(o => o.GetString()).Should().BeEmpty($"{service} serves only operations the model has");
        }

        result.At("iam").At("model").GetInt32().Should().BeGreaterThanOrEqualTo(176);
        result.At("sts").At("model").GetInt32().Should().BeGreaterThanOrEqualTo(11);
    }
}
