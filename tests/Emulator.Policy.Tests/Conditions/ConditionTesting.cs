namespace Emulator.Policy.Tests.Conditions;

/// <summary>Evaluates one condition block as the only condition of an allowing statement.</summary>
internal static class ConditionTesting
{
    public const string Key = "test:Key";

    /// <param name="conditionBlock">The JSON inside "Condition": {...}, e.g. <c>"StringEquals":{"test:Key":"a"}</c>.</param>
    public static bool Holds(string conditionBlock, RequestContext request, string version = "2012-10-17")
    {
        var policy = Policies.WithStatement($$$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{{{{conditionBlock}}}}}""", version);
        return Callers.Evaluate(request, policy).IsAllowed;
    }

    public static bool Holds(string conditionOperator, string policyValueJson, string? requestValue) =>
        Holds($$"""
            "{{conditionOperator}}":{"{{Key}}":{{policyValueJson}}}
            """, Request(requestValue));

    /// <summary>A request with <see cref="Key"/> set to the value, or without it when null.</summary>
    public static RequestContext Request(string? value)
    {
        var request = Callers.User("s3:GetObject");
        return value is null ? request : request.Set(Key, value);
    }

    public static RequestContext RequestWithValues(params string[] values) => Callers.User("s3:GetObject").Set(Key, values);

    public static string Json(string value) => "\"" + value + "\"";
}
