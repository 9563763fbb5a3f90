namespace Emulator.Policy;

/// <summary>
/// The services a policy's actions name (<c>iam</c>, <c>ec2</c>…), numbered when the policy is compiled.
/// </summary>
/// <remarks>
/// The evaluator finds the request's service number once per policy; statements then rule out other services
/// with a bit test and patterns compare numbers instead of re-reading service text for every statement.
/// </remarks>
internal sealed class ServiceTable
{
    /// <summary>The request's service is not one the policy names literally.</summary>
    public const int Absent = -1;

    /// <summary>The caller did not look the service up (matching outside the evaluator): patterns compare text.</summary>
    public const int Unresolved = -2;

    /// <summary>Numbers fit one bit each in a statement's <c>ulong</c> mask; further services are compared as text.</summary>
    public const int Capacity = 64;

    private readonly string[] _services;
    private readonly int[] _hashes;

    private ServiceTable(string[] services)
    {
        _services = services;
        _hashes = Array.ConvertAll(services, static service => RequestedAction.HashOfService(service));
    }

    /// <summary>The number of the request's service in this policy, or <see cref="Absent"/>.</summary>
    public int NumberOf(in RequestedAction action)
    {
        if (action.Colon < 0)
        {
            return Absent;
        }

        for (var number = 0; number < _hashes.Length; number++)
        {
            if (_hashes[number] == action.ServiceHash && action.Service.SequenceEqual(_services[number]))
            {
                return number;
            }
        }

        return Absent;
    }

    /// <summary>Numbers services as the statements of one policy compile.</summary>
    internal sealed class Builder
    {
        private readonly List<string> _services = [];

        /// <summary>The number of a lower-cased literal service, or <see cref="Absent"/> when the table is full.</summary>
        public int NumberFor(string service)
        {
            var number = _services.IndexOf(service);
            if (number >= 0)
            {
                return number;
            }

            if (_services.Count == Capacity)
            {
                return Absent;
            }

            _services.Add(service);
            return _services.Count - 1;
        }

        public ServiceTable Build() => new([.. _services]);
    }
}
