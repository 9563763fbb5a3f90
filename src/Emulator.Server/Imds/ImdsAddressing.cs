using System.Net;
using Emulator.Core.Ec2;
using Emulator.Core.Imds;
using Emulator.Server.Hosting;

namespace Emulator.Server.Imds;

/// <summary>
/// Which instance an IMDS request is for. On EC2 the answer is the machine asking; locally many
/// instances share one host, so, in order: the per-instance port the request arrived on, an instance id
/// at the start of the path (<c>/i-…/latest/…</c>), the source address when it is a running instance's
/// private IP, and finally the default instance (the one marked through the admin API, else the only
/// running one).
/// </summary>
public sealed class ImdsAddressing(EmulatorRuntime runtime, InstanceMetadataService imds)
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, string> instanceOnPort = [];
    private string? defaultInstanceId;

    public ImdsPortRange? Ports => runtime.Options.ImdsPorts;

    public bool IsImdsPort(int localPort) => Ports?.Contains(localPort) == true;

    /// <summary>The instance marked default (null: none marked), whether or not it is still running.</summary>
    public string? MarkedDefault
    {
        get
        {
            lock (gate)
            {
                return defaultInstanceId;
            }
        }

        set
        {
            lock (gate)
            {
                defaultInstanceId = value;
            }
        }
    }

    /// <summary>
    /// One read of the live (not terminated) instances, with their IMDS ports. Each instance gets the lowest
    /// free port when first seen, in launch order, and keeps it while it lives; a terminated instance's port
    /// is free again.
    /// </summary>
    public ImdsSnapshot Snapshot()
    {
        if (Ports is not { } range)
        {
            return new ImdsSnapshot(imds.LiveInstances(), new Dictionary<string, int>());
        }

        // The snapshot is read under the lock: an older one applied after a newer one would free a live instance's port.
        lock (gate)
        {
            var live = imds.LiveInstances();
            var liveIds = live.Select(v => v.Instance.InstanceId).ToHashSet(StringComparer.Ordinal);
            foreach (var port in instanceOnPort.Where(e => !liveIds.Contains(e.Value)).Select(e => e.Key).ToList())
            {
                instanceOnPort.Remove(port);
            }

            var assigned = instanceOnPort.Values.ToHashSet(StringComparer.Ordinal);
            foreach (var view in live.Where(v => !assigned.Contains(v.Instance.InstanceId)))
            {
                var free = range.Ports.Cast<int?>().FirstOrDefault(p => !instanceOnPort.ContainsKey(p!.Value));
                if (free is not { } port)
                {
                    break;
                }

                instanceOnPort[port] = view.Instance.InstanceId;
            }

            return new ImdsSnapshot(live, instanceOnPort.ToDictionary(e => e.Value, e => e.Key, StringComparer.Ordinal));
        }
    }

    /// <summary>The instance <c>/latest/…</c> on the main port serves without other clues, or why there is none.</summary>
    /// <param name="live">The live instances of the request's one read.</param>
    public (string? InstanceId, string? Problem) DefaultInstance(IReadOnlyList<InstanceMetadataView> live)
    {
        var running = live.Where(v => v.State == InstanceStateName.Running).Select(v => v.Instance.InstanceId).ToList();
        var marked = MarkedDefault;
        if (marked is not null && running.Contains(marked))
        {
            return (marked, null);
        }

        return running.Count switch
        {
            1 => (running[0], null),
            0 => (null, "No instance is running, so there is no default instance to serve. Launch one, or address one as /i-INSTANCEID/latest/..."),
            _ => (null, $"{running.Count} instances are running and none is marked default: address one as /i-INSTANCEID/latest/..., use its --imds-ports port, or mark one with POST /_emulator/instances/default."),
        };
    }

    /// <summary>
    /// The running instance a request is for. <paramref name="pathInstanceId"/> is the id the path began
    /// with, if any. A stopped or terminated instance is not served (404 with the reason): IMDS runs on the instance.
    /// One store read serves the request: the addressed instance's view, or one snapshot of the live instances
    /// from which the port, the source address or the default picks it.
    /// </summary>
    public ImdsTarget Resolve(HttpContext http, string? pathInstanceId)
    {
        InstanceMetadataView? view;
        string? instanceId;
        if (IsImdsPort(http.Connection.LocalPort))
        {
            var port = http.Connection.LocalPort;
            var snapshot = Snapshot();
            instanceId = snapshot.Ports.FirstOrDefault(e => e.Value == port).Key;
            if (instanceId is null)
            {
                return ImdsTarget.None($"No instance is assigned to IMDS port {port}.");
            }

            view = snapshot.Find(instanceId);
        }
        else if (pathInstanceId is not null)
        {
            // Read by id, not from the live ones: a terminated instance is answered with its state.
            instanceId = pathInstanceId;
            view = imds.View(instanceId);
        }
        else
        {
            var live = imds.LiveInstances();
            if (BySourceAddress(live, http.Connection.RemoteIpAddress) is { } bySource)
            {
                instanceId = bySource;
            }
            else
            {
                var (id, problem) = DefaultInstance(live);
                if (id is null)
                {
                    return ImdsTarget.None(problem!);
                }

                instanceId = id;
            }

            view = live.First(v => v.Instance.InstanceId == instanceId);
        }

        if (view is null)
        {
            return ImdsTarget.None($"There is no instance {instanceId}.");
        }

        return view.IsRunning ? new ImdsTarget(view, null) : ImdsTarget.None($"Instance {instanceId} is {view.State.Name}; IMDS serves running instances only.");
    }

    /// <summary>The one running instance whose private IP is the caller's address (several would be ambiguous: none).</summary>
    private static string? BySourceAddress(IReadOnlyList<InstanceMetadataView> live, IPAddress? remote)
    {
        if (remote is null)
        {
            return null;
        }

        var address = (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString();
        var matches = live
            .Where(v => v.State == InstanceStateName.Running && v.Instance.PrivateIpAddress == address)
            .Select(v => v.Instance.InstanceId)
            .Take(2)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
