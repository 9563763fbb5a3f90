using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>
/// What an answer to a hostile case must be, as a list of what is wrong with it (empty when right):
/// a 4xx with an x-amzn-RequestId header and a body; for the AWS API an ErrorResponse whose RequestId
/// is the header (EC2: a Response/Errors/Error whose RequestID is the header); for /_emulator a JSON object with an "error" string; and the case's certain status and code.
/// </summary>
public static class HostileAnswer
{
    public static List<string> Problems(HostileCase hostile, RawHttpResponse answer)
    {
        var problems = new List<string>();
        if (answer.Status is < 400 or > 499)
        {
            problems.Add($"status {answer.Status} is not a 4xx");
        }

        if (hostile.ExpectedStatus is { } status && answer.Status != status)
        {
            problems.Add($"status {answer.Status}, expected {status}");
        }

        if (hostile.IsHttpLayer)
        {
            // Malformed HTTP/1.1 (a raw NUL or line break in a header, NUL in the path) never reaches the
            // emulator: Kestrel answers 400 and closes the connection, as AWS's front ends do.
            if (!string.Equals(answer.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("Kestrel's refusal should close the connection");
            }

            return problems;
        }

        if (string.IsNullOrEmpty(answer.Header("x-amzn-RequestId")))
        {
            problems.Add("no x-amzn-RequestId header");
        }

        if (answer.Body.Length == 0)
        {
            problems.Add("empty body");
            return problems;
        }

        if (hostile.IsAdmin)
        {
            AdminBody(answer, problems);
        }
        else
        {
            ErrorResponse(hostile, answer, problems);
        }

        return problems;
    }

    private static void ErrorResponse(HostileCase hostile, RawHttpResponse answer, List<string> problems)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(answer.BodyText).Root!;
        }
        catch (XmlException e)
        {
            problems.Add($"the body is not XML: {e.Message}");
            return;
        }

        XElement? error;
        string? requestId;
        if (hostile.IsEc2)
        {
            var errors = Child(root, "Errors");
            error = errors is null ? null : Child(errors, "Error");
            if (root.Name.LocalName != "Response" || error is null || Child(error, "Code") is null || Child(error, "Message") is null)
            {
                problems.Add("the body is not <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>");
            }

            requestId = Child(root, "RequestID")?.Value;
        }
        else
        {
            error = Child(root, "Error");
            if (root.Name.LocalName != "ErrorResponse" || error is null || Child(error, "Type") is null || Child(error, "Code") is null || Child(error, "Message") is null)
            {
                problems.Add("the body is not <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>");
            }

            requestId = Child(root, "RequestId")?.Value;
        }

        if (requestId is null || requestId != answer.Header("x-amzn-RequestId"))
        {
            problems.Add($"the body's RequestId '{requestId}' is not the x-amzn-RequestId header '{answer.Header("x-amzn-RequestId")}'");
        }

        var code = error is null ? null : Child(error, "Code")?.Value;
        if (hostile.ExpectedCode is { } expected && code != expected)
        {
            problems.Add($"error code {code}, expected {expected}");
        }
    }

    private static void AdminBody(RawHttpResponse answer, List<string> problems)
    {
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                message = error.GetString();
            }
        }
        catch (JsonException e)
        {
            problems.Add($"the body is not JSON: {e.Message}");
            return;
        }

        if (string.IsNullOrEmpty(message))
        {
            problems.Add("the body has no \"error\" string");
        }
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);
}
