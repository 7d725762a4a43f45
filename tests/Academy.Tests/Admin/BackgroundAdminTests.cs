using System.Net;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Core.Jobs;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Admin;

/// <summary>/admin/achtergrond: failed events and jobs with their last error, and a retry button for each.</summary>
public sealed class BackgroundAdminTests : IDisposable
{
    private readonly AcademyFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Admins_see_failed_events_and_jobs_and_retry_them()
    {
        var (eventId, jobId) = await SeedFailuresAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await AdminTestKit.Anonymous(_factory).GetAsync("/admin/achtergrond")).Status);
        var professional = await AdminTestKit.UserAsync(_factory, "Professional");
        Assert.NotEqual(HttpStatusCode.OK, (await professional.GetAsync("/admin/achtergrond")).Status);

        var admin = await AdminTestKit.AdminAsync(_factory);
        var page = await admin.GetAsync("/admin/achtergrond");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Handler kapot", page.Document.QuerySelector("#mislukte-gebeurtenissen")!.TextContent);
        Assert.Contains("Taak kapot", page.Document.QuerySelector("#mislukte-taken")!.TextContent);

        var retried = await admin.SubmitAsync(page.Form($"form[action='/admin/achtergrond/gebeurtenissen/{eventId}/opnieuw']"));
        Assert.Equal(HttpStatusCode.Redirect, retried.Status);
        Assert.Equal("De gebeurtenis wordt opnieuw verwerkt.", (await admin.GetAsync("/admin/achtergrond")).StatusMessage);
        page = await admin.GetAsync("/admin/achtergrond");
        await admin.SubmitAsync(page.Form($"form[action='/admin/achtergrond/taken/{jobId}/opnieuw']"));

        var (message, job) = await ReadAsync(eventId, jobId);
        Assert.Null(message.FailedUtc);
        Assert.Equal(0, message.Attempts);
        Assert.Null(job.FailedUtc);
        Assert.Equal(0, job.Attempts);
        // No handler fails on it now: the event is processed at the next drain.
        await _factory.DrainBackgroundAsync();
        Assert.NotNull((await ReadAsync(eventId, jobId)).Message.ProcessedUtc);

        // Retrying what is no longer failed is a 404, not a second run.
        var token = await admin.TokenAsync("/admin/e-mail");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/achtergrond/gebeurtenissen/{eventId}/opnieuw", [new("__RequestVerificationToken", token)])).Status);
    }

    private async Task<(long EventId, long JobId)> SeedFailuresAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var now = DateTime.UtcNow;
        var message = new OutboxMessage { Type = "TestGebeurtenis", Payload = "{}", OccurredUtc = now, Attempts = 10, FailedUtc = now, LastError = "Handler kapot" };
        var job = new ScheduledJob { Kind = "test-taak", Key = "k1", DueUtc = now, CreatedUtc = now, Attempts = 5, FailedUtc = now, LastError = "Taak kapot" };
        db.Outbox.Add(message);
        db.Set<ScheduledJob>().Add(job);
        await db.SaveChangesAsync();
        return (message.Id, job.Id);
    }

    private async Task<(OutboxMessage Message, ScheduledJob Job)> ReadAsync(long eventId, long jobId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        return (await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == eventId),
            await db.Set<ScheduledJob>().AsNoTracking().SingleAsync(j => j.Id == jobId));
    }
}
