using System.Text.Json.Serialization;

namespace Emulator.Server.Admin;

/// <summary>Source-generated JSON for the admin API (keeps the server Native-AOT friendly).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ClockRequest))]
[JsonSerializable(typeof(ClockResponse))]
[JsonSerializable(typeof(AdminError))]
[JsonSerializable(typeof(IReadOnlyList<Emulator.Server.Authorization.DecisionRecord>))]
[JsonSerializable(typeof(ModelResponse))]
public sealed partial class AdminJsonContext : JsonSerializerContext;

public sealed record HealthResponse(string Status, IReadOnlyList<string> Accounts, string Authentication, DateTimeOffset Now);

/// <summary>Move the clock by <see cref="OffsetSeconds"/>, or to <see cref="Time"/>, or back to real time with <see cref="Reset"/>.</summary>
public sealed record ClockRequest(double? OffsetSeconds, DateTimeOffset? Time, bool? Reset);

public sealed record ClockResponse(DateTimeOffset Now, double OffsetSeconds);

public sealed record AdminError(string Error);

/// <summary>What the emulator models: the actions it serves per service, the condition operators and the condition keys it populates.</summary>
public sealed record ModelResponse(IReadOnlyDictionary<string, IReadOnlyList<string>> Actions, IReadOnlyList<string> ConditionOperators, IReadOnlyList<string> ConditionKeys);
