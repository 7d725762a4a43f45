using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Enrolment.Service.EnrolmentTestKit;

namespace Academy.Tests.Workflows;

/// <summary>
/// A cancellation promotes the first waitlisted person, which raises EnrolmentPromoted and EnrolmentConfirmed:
/// with the recipe's real workflows that person gets one mail (the free seat, with the calendar), and the reminder still starts.
/// </summary>
public sealed class WorkflowPromotionJourneyTests : IDisposable
{
    private readonly AcademyFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_promoted_participant_gets_exactly_one_mail_and_a_reminder()
    {
        var edition = await CreateEditionAsync(_factory, capacity: 1);
        var seated = await EnrolAsync(_factory, edition.EditionId, Person(1, "zit"));
        var waiting = Person(2, "wacht");
        var waitlisted = await EnrolAsync(_factory, edition.EditionId, waiting);
        Assert.Equal(EnrolmentStatus.Waitlisted, waitlisted.Status);
        await _factory.DrainBackgroundAsync();
        var before = await MailsToAsync(waiting.Email);

        var cancelled = await WithAsync(_factory, sp => sp.GetRequiredService<IEnrolmentService>()
            .CancelAsync(seated.EnrolmentId!.Value, "coordinator", byCoordinator: true));
        Assert.True(cancelled.Succeeded, cancelled.Error);
        await _factory.DrainBackgroundAsync();

        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(_factory, waitlisted.EnrolmentId!.Value))!.Status);
        var after = (await MailsToAsync(waiting.Email)).Where(m => before.All(b => b.Id != m.Id)).ToList();
        var mail = Assert.Single(after);
        Assert.StartsWith("Er is een plek vrijgekomen:", mail.Subject);
        Assert.NotNull(mail.AttachmentsJson);

        var correlation = waitlisted.EnrolmentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reminder = await WithAsync(_factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<WorkflowInstanceRecord>().AsNoTracking()
            .SingleAsync(i => i.WorkflowTypeId == "herinnering-eerste-bijeenkomst" && i.CorrelationId == correlation));
        Assert.Equal(WorkflowStatus.Blocked, reminder.Status);
    }

    private Task<List<MailMessageRecord>> MailsToAsync(string email) =>
        WithAsync(_factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<MailMessageRecord>().AsNoTracking()
            .Where(m => m.To == email).ToListAsync());
}
