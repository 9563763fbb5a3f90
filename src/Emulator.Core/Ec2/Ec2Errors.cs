using Emulator.Core.Errors;

namespace Emulator.Core.Ec2;

/// <summary>EC2's error codes and messages (all client faults answer 400 unless AWS says otherwise).</summary>
public static class Ec2Errors
{
    public static AwsException InvalidParameterValue(string message) => new AwsError("InvalidParameterValue", message, 400).ToException();

    public static AwsException InvalidParameterCombination(string message) => new AwsError("InvalidParameterCombination", message, 400).ToException();

    public static AwsException MissingParameter(string name) => new AwsError("MissingParameter", $"The request must contain the parameter {name}", 400).ToException();

    public static AwsException IncorrectInstanceState(string message) => new AwsError("IncorrectInstanceState", message, 400).ToException();

    public static AwsException IncorrectState(string message) => new AwsError("IncorrectState", message, 400).ToException();

    public static AwsException InvalidPaginationToken(string token) =>
        new AwsError("InvalidPaginationToken", $"Invalid pagination token: '{token}'. The specified pagination token is not valid or is expired.", 400).ToException();

    public static AwsException InstanceIdMalformed(string id) => new AwsError("InvalidInstanceID.Malformed", $"Invalid id: \"{id}\"", 400).ToException();

    /// <summary>"The instance ID 'i-1' does not exist", or for several "The instance IDs 'i-1, i-2' do not exist".</summary>
    public static AwsException InstanceNotFound(IReadOnlyList<string> ids) => new AwsError("InvalidInstanceID.NotFound",
        ids.Count == 1 ? $"The instance ID '{ids[0]}' does not exist" : $"The instance IDs '{string.Join(", ", ids)}' do not exist", 400).ToException();

    public static AwsException AssociationNotFound(string id) =>
        new AwsError("InvalidAssociationID.NotFound", $"An invalid association-id of '{id}' was given", 400).ToException();

    public static AwsException InvalidFilter(string message) => InvalidParameterValue(message);
}
