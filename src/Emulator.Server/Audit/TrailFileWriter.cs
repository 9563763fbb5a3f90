using System.Text.Json;
using System.Threading.Channels;
using Emulator.Core.Audit;

namespace Emulator.Server.Audit;

/// <summary>
/// Appends trail events to <c>--trail-file</c> as JSON lines, off the request path: calls put events in a bounded
/// channel (dropping, and counting, when the disk falls far behind rather than slowing a request), one background
/// loop writes them and flushes whenever the channel runs dry. It drains the channel after the web server has
/// stopped (<see cref="StoppedAsync"/>), so the last calls of a run are in the file.
/// </summary>
public sealed class TrailFileWriter(string path, ILogger<TrailFileWriter> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private const int Capacity = 10_000;

    private readonly Channel<AuditEvent> channel = Channel.CreateBounded<AuditEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private FileStream? file;
    private Task loop = Task.CompletedTask;
    private long dropped;

    public string Path => path;

    /// <summary>Never waits: a full channel drops the event (the in-memory trail still has it).</summary>
    public void Enqueue(AuditEvent auditEvent)
    {
        if (!channel.Writer.TryWrite(auditEvent))
        {
            Interlocked.Increment(ref dropped);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
        loop = Task.Run(WriteAllAsync, CancellationToken.None);
        logger.LogInformation("Audit trail written to {TrailFile}", path);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every other service has stopped: no call can add an event any more; write what is left.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        channel.Writer.TryComplete();
        await loop.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        await loop;
        if (file is not null)
        {
            await file.DisposeAsync();
        }
    }

    private async Task WriteAllAsync()
    {
        var stream = file!;
        await using var json = new Utf8JsonWriter(stream);
        try
        {
            while (await channel.Reader.WaitToReadAsync())
            {
                while (channel.Reader.TryRead(out var auditEvent))
                {
                    JsonSerializer.Serialize(json, auditEvent, AuditJsonContext.Default.AuditEvent);
                    await json.FlushAsync();
                    json.Reset();
                    stream.WriteByte((byte)'\n');
                }

                await stream.FlushAsync();
                if (Interlocked.Exchange(ref dropped, 0) is var lost and > 0)
                {
                    logger.LogWarning("{Dropped} trail events were not written to {TrailFile}: the writer fell behind", lost, path);
                }
            }
        }
        catch (IOException e)
        {
            logger.LogError(e, "Writing the audit trail to {TrailFile} failed; the in-memory trail keeps recording", path);
        }
    }
}
