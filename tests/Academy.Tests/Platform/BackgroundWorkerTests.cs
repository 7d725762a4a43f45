using Academy.Core.Background;
using Academy.Email.Models;
using Academy.Tests.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Platform;

/// <summary>The host's worker loop, switched on: it drains the processors by itself and survives a failing one.</summary>
public sealed class BackgroundWorkerTests
{
    private sealed class ExplodingProcessor : IBackgroundProcessor
    {
        public static int Calls;

        public string Name => "Exploding";

        public Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            throw new InvalidOperationException("boom");
        }
    }

    [Fact]
    public async Task The_worker_sends_queued_mail_on_its_own_although_another_processor_throws_and_stops_on_shutdown()
    {
        var site = new PlatformSite(
            s => s.AddScoped<IBackgroundProcessor, ExplodingProcessor>(),
            settings: new Dictionary<string, string> { ["Academy:Background:PollMilliseconds"] = "20" },
            background: true);
        try
        {
            await MailTestKit.QueueAsync(site.Services, MailTestKit.Draft("worker-1"));

            var status = MailStatus.Queued;
            for (var waited = 0; waited < 300 && status != MailStatus.Sent; waited++)
            {
                await Task.Delay(100);
                status = (await MailTestKit.MailAsync(site.Services, "worker-1")).Status;
            }

            Assert.Equal(MailStatus.Sent, status);
            Assert.True(Volatile.Read(ref ExplodingProcessor.Calls) >= 1);
        }
        finally
        {
            // Disposing stops the host; the worker must end without hanging or throwing.
            var stop = Task.Run(site.Dispose);
            Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(30))));
            await stop;
        }
    }
}
