using Emulator.Core.Ec2;
using Emulator.Core.Iam.Tags;
using Emulator.Server.Protocol;

namespace Emulator.Server.Ec2;

/// <summary>
/// EC2's request shapes over the one decoder: flattened 1-based lists without <c>.member</c>
/// (<c>InstanceId.1</c>, <c>Filter.1.Value.1</c>, <c>TagSpecification.1.Tag.1.Key</c>) and EC2's wording
/// for values of the wrong type.
/// </summary>
public static class Ec2Parameters
{
    public static int? Int(QueryParameters parameters, string name)
    {
        var text = parameters[name];
        if (text is null)
        {
            return null;
        }

        return QueryParameters.TryParseInt(text, out var value)
            ? value
            : throw Ec2Errors.InvalidParameterValue($"Invalid value '{text}' for {name}. It must be an integer.");
    }

    public static bool? Bool(QueryParameters parameters, string name) => parameters[name] switch
    {
        null => null,
        var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        var text => throw Ec2Errors.InvalidParameterValue($"Invalid value '{text}' for {name}. It must be a boolean (true or false)."),
    };

    /// <summary><c>Name.1</c>, <c>Name.2</c>… in index order.</summary>
    public static IReadOnlyList<string> List(QueryParameters parameters, string name) => parameters.Indexed(name, "");

    /// <summary><c>Filter.N.Name</c> with its <c>Filter.N.Value.M</c> values.</summary>
    public static IReadOnlyList<Ec2Filter> Filters(QueryParameters parameters) =>
        parameters.Members("Filter").Select(prefix =>
        {
            var name = parameters[prefix + "Name"] ?? throw Ec2Errors.InvalidParameterValue(
                "Invalid value 'null/empty' for 'filter'. Invalid filter - one of more name/value pair was incomplete");
            return new Ec2Filter(name, parameters.Indexed(prefix + "Value", ""));
        }).ToList();

    /// <summary><c>Tag.N.Key</c> / <c>Tag.N.Value</c> (CreateTags) or, with a prefix, a TagSpecification's tags.</summary>
    public static IReadOnlyList<Tag> Tags(QueryParameters parameters, string prefix = "") =>
        parameters.Members(prefix + "Tag").Select(member => new Tag(
            parameters[member + "Key"] ?? throw Ec2Errors.InvalidParameterValue("Tag keys must be given (Tag.N.Key)."),
            parameters[member + "Value"] ?? "")).ToList();

    /// <summary>The tags of the <c>instance</c> entries of <c>TagSpecification.N</c> (tags for other resource types have nothing to land on here).</summary>
    public static IReadOnlyList<Tag> InstanceTagSpecifications(QueryParameters parameters)
    {
        var tags = new List<Tag>();
        foreach (var specification in parameters.Members("TagSpecification"))
        {
            var type = parameters[specification + "ResourceType"]
                ?? throw Ec2Errors.InvalidParameterValue("The resource type of a TagSpecification is required (TagSpecification.N.ResourceType).");
            if (type == "instance")
            {
                tags.AddRange(Tags(parameters, specification));
            }
        }

        return tags;
    }

    /// <summary><c>Prefix.Name</c> / <c>Prefix.Arn</c> (RunInstances, Associate, Replace).</summary>
    public static InstanceProfileReference Profile(QueryParameters parameters) =>
        new(parameters["IamInstanceProfile.Name"], parameters["IamInstanceProfile.Arn"]);

    /// <summary>Metadata options at <paramref name="prefix"/> (<c>MetadataOptions.</c> for RunInstances, top level for Modify).</summary>
    public static MetadataOptionsRequest MetadataOptions(QueryParameters parameters, string prefix) => new(
        parameters[prefix + "HttpTokens"],
        Int(parameters, prefix + "HttpPutResponseHopLimit"),
        parameters[prefix + "HttpEndpoint"],
        parameters[prefix + "HttpProtocolIpv6"],
        parameters[prefix + "InstanceMetadataTags"]);
}
