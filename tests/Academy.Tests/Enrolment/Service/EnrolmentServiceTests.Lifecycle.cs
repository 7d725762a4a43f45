using Academy.Leeragenda.Abstractions;
using System.Diagnostics;
using System.Text.Json;
using Academy.Core.Contracts;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Services;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Enrolment.Service.EnrolmentTestKit;

namespace Academy.Tests.Enrolment.Service;

/// <summary>The enrolment rules after enrolling: approval, cancelling and promotion, capacity, deadlines, holds, swaps and load.</summary>
public abstract partial class EnrolmentServiceTests
{
    [Fact]
    public async Task Approval_requests_wait_then_are_approved_onto_a_seat_or_the_waitlist_or_declined()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 1, requiresApproval: true);
        var a = await EnrolAsync(factory, edition.EditionId, Person(1));
        var b = await EnrolAsync(factory, edition.EditionId, Person(2));
        var c = await EnrolAsync(factory, edition.EditionId, Person(3));
        Assert.All(new[] { a, b, c }, r => Assert.Equal(EnrolmentStatus.Pending, r.Status));
        Assert.Equal(["EnrolmentRequested"], await EventTypesAsync(factory, a.EnrolmentId!.Value));
        Assert.Equal(0, (await SeatsAsync(factory, edition.EditionId))!.Taken);

        var approved = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ApproveAsync(a.EnrolmentId.Value, "coordinator"));
        Assert.Equal(EnrolmentStatus.Confirmed, approved.Status);
        Assert.Equal(["EnrolmentRequested", "EnrolmentApproved", "EnrolmentConfirmed"], await EventTypesAsync(factory, a.EnrolmentId.Value));

        var full = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ApproveAsync(b.EnrolmentId!.Value, "coordinator"));
        Assert.Equal((EnrolmentStatus.Waitlisted, 1), (full.Status!.Value, full.WaitlistPosition!.Value));
        Assert.Equal(["EnrolmentRequested", "EnrolmentApproved", "EnrolmentWaitlisted"], await EventTypesAsync(factory, b.EnrolmentId.Value));

        var twice = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ApproveAsync(a.EnrolmentId.Value, "coordinator"));
        Assert.Equal("Deze aanmelding wacht niet op goedkeuring.", twice.Error);

        var noReason = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().DeclineAsync(c.EnrolmentId!.Value, "coordinator", "  "));
        Assert.Equal("Geef een reden op.", noReason.Error);
        var declined = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().DeclineAsync(c.EnrolmentId.Value, "coordinator", "Deze groep is voor werkcoaches."));
        Assert.Equal(EnrolmentStatus.Declined, declined.Status);
        var declinedEvent = (await EventsAsync(factory, c.EnrolmentId.Value)).Last();
        Assert.Equal("EnrolmentDeclined", declinedEvent.Type);
        Assert.Contains("Deze groep is voor werkcoaches.", declinedEvent.Payload);
        Assert.Equal(1, (await SeatsAsync(factory, edition.EditionId))!.Taken);

        // Declined people may ask again.
        Assert.Equal(EnrolmentStatus.Pending, (await EnrolAsync(factory, edition.EditionId, (await EnrolmentAsync(factory, c.EnrolmentId.Value))!.ToParticipant())).Status);
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_and_promotes_the_first_waitlisted_in_the_same_transaction()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 1);
        var owner = Person(1);
        var seat = await EnrolAsync(factory, edition.EditionId, owner);
        var first = await EnrolAsync(factory, edition.EditionId, Person(2));
        var second = await EnrolAsync(factory, edition.EditionId, Person(3));

        var cancelled = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().CancelAsync(seat.EnrolmentId!.Value, owner.UserId!, byCoordinator: false, "Ziek"));

        Assert.Equal(EnrolmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(factory, first.EnrolmentId!.Value))!.Status);
        Assert.Equal(EnrolmentStatus.Waitlisted, (await EnrolmentAsync(factory, second.EnrolmentId!.Value))!.Status);
        Assert.Equal(1, (await SeatsAsync(factory, edition.EditionId))!.Taken);
        Assert.Equal(["EnrolmentConfirmed", "EnrolmentCancelled"], await EventTypesAsync(factory, seat.EnrolmentId.Value));
        Assert.Equal(["EnrolmentWaitlisted", "EnrolmentPromoted", "EnrolmentConfirmed"], await EventTypesAsync(factory, first.EnrolmentId.Value));
        // Cancellation and promotion were written by one transaction: their outbox rows are adjacent.
        var cancelEvent = (await EventsAsync(factory, seat.EnrolmentId.Value)).Last();
        var promoteEvent = (await EventsAsync(factory, first.EnrolmentId.Value))[1];
        Assert.Equal(cancelEvent.Id + 1, promoteEvent.Id);
        var secondSequence = (await EnrolmentAsync(factory, second.EnrolmentId.Value))!.WaitlistSequence!.Value;
        Assert.Equal(1, await WithAsync(factory, sp => sp.GetRequiredService<SeatCounter>().WaitlistPositionAsync(edition.EditionId, secondSequence, default)));

        // Cancelled people may enrol again (at the back of the queue).
        var back = await EnrolAsync(factory, edition.EditionId, owner);
        Assert.Equal((EnrolmentStatus.Waitlisted, 2), (back.Status!.Value, back.WaitlistPosition!.Value));
        var again = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().CancelAsync(seat.EnrolmentId.Value, owner.UserId!, byCoordinator: false));
        Assert.Equal("Deze aanmelding is al afgemeld, afgewezen of verlopen.", again.Error);
    }

    [Fact]
    public async Task Raising_the_capacity_gives_the_new_seats_to_the_waitlist_first()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 1);
        await EnrolAsync(factory, edition.EditionId, Person(1));
        var waiting = await EnrolAsync(factory, edition.EditionId, Person(2));
        Assert.Equal(EnrolmentStatus.Waitlisted, waiting.Status);

        await WithAsync(factory, async sp =>
        {
            var content = sp.GetRequiredService<Academy.Core.Content.ContentManager>();
            var item = (await content.GetAsync(edition.OfferingId, Academy.Core.Content.VersionOptions.Latest))!;
            var part = item.As<Academy.Leeragenda.Models.EditionsPart>();
            part.Editions[0].Capacity = 2;
            item.Apply(part);
            await content.SaveAndPublishAsync(item);
            return true;
        });
        var late = await EnrolAsync(factory, edition.EditionId, Person(3));

        Assert.Equal((EnrolmentStatus.Waitlisted, 1), (late.Status!.Value, late.WaitlistPosition!.Value));
        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(factory, waiting.EnrolmentId!.Value))!.Status);
        Assert.Equal(["EnrolmentWaitlisted", "EnrolmentPromoted", "EnrolmentConfirmed"], await EventTypesAsync(factory, waiting.EnrolmentId.Value));
        Assert.Equal(2, (await SeatsAsync(factory, edition.EditionId))!.Taken);
    }

    [Fact]
    public async Task Someone_elses_or_an_unknown_enrolment_does_not_exist_for_you()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 3);
        var owner = Person(1);
        var seat = await EnrolAsync(factory, edition.EditionId, owner);

        foreach (var (id, actor) in new[] { (seat.EnrolmentId!.Value, "iemand-anders"), (seat.EnrolmentId.Value, ""), (999_999_999L, owner.UserId!), (-1L, owner.UserId!) })
        {
            var result = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().CancelAsync(id, actor, byCoordinator: false));
            Assert.Equal("Deze aanmelding bestaat niet.", result.Error);
        }
        Assert.Equal("Deze aanmelding bestaat niet.", (await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ApproveAsync(424_242_424, "c"))).Error);
        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(factory, seat.EnrolmentId.Value))!.Status);
        Assert.Equal(1, (await SeatsAsync(factory, edition.EditionId))!.Taken);
    }

    [Fact]
    public async Task Participants_cancel_only_before_the_deadline_the_coordinator_any_time()
    {
        var factory = await SiteAsync();
        // Starts in 10 days, cancelling up to 14 days before: the deadline has passed.
        var edition = await CreateEditionAsync(factory, capacity: 3, startUtc: DateTime.UtcNow.AddDays(10), cancellationDays: 14);
        var owner = Person(1);
        var seat = await EnrolAsync(factory, edition.EditionId, owner);

        var late = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().CancelAsync(seat.EnrolmentId!.Value, owner.UserId!, byCoordinator: false));
        Assert.StartsWith("Afmelden kon tot ", late.Error);
        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(factory, seat.EnrolmentId.Value))!.Status);

        var byCoordinator = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().CancelAsync(seat.EnrolmentId.Value, "coordinator", byCoordinator: true, "Groep samengevoegd"));
        Assert.Equal(EnrolmentStatus.Cancelled, byCoordinator.Status);
        Assert.Equal(0, (await SeatsAsync(factory, edition.EditionId))!.Taken);
        Assert.Contains("Groep samengevoegd", (await EventsAsync(factory, seat.EnrolmentId.Value)).Last().Payload);
    }

    [Fact]
    public async Task Employers_cancel_their_employees_only_before_the_deadline_and_the_event_says_employer()
    {
        var factory = await SiteAsync();
        var closed = await CreateEditionAsync(factory, capacity: 3, startUtc: DateTime.UtcNow.AddDays(10), cancellationDays: 14);
        var open = await CreateEditionAsync(factory, capacity: 3, startUtc: DateTime.UtcNow.AddDays(30), cancellationDays: 14);
        // An employee signed up by an employer has no account.
        var employee = Person(1, "werknemer") with { UserId = null, OrganisationId = "org-1" };
        var late = await EnrolAsync(factory, closed.EditionId, employee);
        var early = await EnrolAsync(factory, open.EditionId, employee);

        var refused = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().CancelAsync(late.EnrolmentId!.Value, "werkgever", EnrolmentActor.Employer));
        Assert.StartsWith("Afmelden kon tot ", refused.Error);
        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(factory, late.EnrolmentId.Value))!.Status);

        var cancelled = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().CancelAsync(early.EnrolmentId!.Value, "werkgever", EnrolmentActor.Employer, "Ziek"));
        Assert.Equal(EnrolmentStatus.Cancelled, cancelled.Status);
        using var payload = System.Text.Json.JsonDocument.Parse((await EventsAsync(factory, early.EnrolmentId.Value)).Last().Payload);
        Assert.Equal("Employer", payload.RootElement.GetProperty("CancelledBy").GetString());
        Assert.False(payload.RootElement.GetProperty("ByCoordinator").GetBoolean());
    }

    [Fact]
    public async Task Holds_take_all_seats_or_none_and_confirm_or_expire()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 3);
        var expires = DateTime.UtcNow.AddDays(2);
        IReadOnlyList<Participant> team = [Person(1, "team"), Person(2, "team")];

        var held = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().HoldAsync(edition.EditionId, team, "hold-a", expires));
        Assert.All(held, r => Assert.Equal(EnrolmentStatus.Held, r.Status));
        Assert.Equal(2, (await SeatsAsync(factory, edition.EditionId))!.Taken);

        IReadOnlyList<Participant> tooMany = [Person(3, "team"), Person(4, "team")];
        var refused = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().HoldAsync(edition.EditionId, tooMany, "hold-b", expires));
        Assert.All(refused, r => Assert.Equal("Er is nog 1 plaats vrij in deze groep, niet 2; er is niets gereserveerd.", r.Error));
        Assert.Equal(2, (await EnrolmentsAsync(factory, edition.EditionId)).Count);
        Assert.Equal(2, (await SeatsAsync(factory, edition.EditionId))!.Taken);

        var duplicate = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().HoldAsync(edition.EditionId, [team[0]], "hold-c", expires));
        Assert.Equal($"{team[0].Name} is al aangemeld voor deze groep.", duplicate.Single().Error);

        Assert.Equal(2, await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ConfirmHoldAsync("hold-a")));
        Assert.Equal(0, await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ConfirmHoldAsync("hold-a")));
        Assert.All(await EnrolmentsAsync(factory, edition.EditionId), e => Assert.Equal(EnrolmentStatus.Confirmed, e.Status));
        Assert.Equal(["EnrolmentConfirmed"], await EventTypesAsync(factory, held[0].EnrolmentId!.Value));

        // A hold that is not confirmed in time releases its seat to the waitlist.
        var last = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().HoldAsync(edition.EditionId, [Person(5, "team")], "hold-d", DateTime.UtcNow.AddMinutes(5)));
        var waiting = await EnrolAsync(factory, edition.EditionId, Person(6));
        Assert.Equal(EnrolmentStatus.Waitlisted, waiting.Status);

        Assert.Equal(0, await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ExpireHoldsAsync(DateTime.UtcNow)));
        Assert.Equal(1, await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ExpireHoldsAsync(DateTime.UtcNow.AddMinutes(10))));
        Assert.Equal(EnrolmentStatus.Expired, (await EnrolmentAsync(factory, last.Single().EnrolmentId!.Value))!.Status);
        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentAsync(factory, waiting.EnrolmentId!.Value))!.Status);
        Assert.Equal(["EnrolmentWaitlisted", "EnrolmentPromoted", "EnrolmentConfirmed"], await EventTypesAsync(factory, waiting.EnrolmentId.Value));
        Assert.Equal(3, (await SeatsAsync(factory, edition.EditionId))!.Taken);
        Assert.Equal(0, await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().ConfirmHoldAsync("hold-d")));
    }

    [Fact]
    public async Task Swapping_keeps_the_seat_and_refuses_someone_already_on_the_edition()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 2);
        var held = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().HoldAsync(edition.EditionId, [Person(1, "swap"), Person(2, "swap")], "swap-hold", DateTime.UtcNow.AddDays(1)));
        var other = (await EnrolmentAsync(factory, held[1].EnrolmentId!.Value))!;

        var clash = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().SwapParticipantAsync(held[0].EnrolmentId!.Value, new Participant(null, "Ander", other.ParticipantEmail), "employer"));
        Assert.Equal("Ander is al aangemeld voor deze groep.", clash.Error);

        var swapped = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().SwapParticipantAsync(held[0].EnrolmentId!.Value, new Participant(null, "Vervanger", "Vervanger@Example.nl", "Jobcoach"), "employer"));
        Assert.True(swapped.Succeeded, swapped.Error);
        var record = (await EnrolmentAsync(factory, held[0].EnrolmentId!.Value))!;
        Assert.Equal(("Vervanger", "vervanger@example.nl", EnrolmentStatus.Held), (record.ParticipantName, record.ParticipantEmail, record.Status));
        Assert.Equal(2, (await SeatsAsync(factory, edition.EditionId))!.Taken);
    }

    [Fact]
    public async Task A_thousand_simultaneous_requests_fill_twelve_seats_and_a_gapless_waitlist()
    {
        const int requests = 1000;
        const int capacity = 12;
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();

        var tasks = Enumerable.Range(0, requests).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IEnrolmentService>().EnrolAsync(edition.EditionId, Person(i, "burst"));
        })).ToList();
        clock.Start();
        start.SetResult();
        var results = await Task.WhenAll(tasks);
        clock.Stop();
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "enrolment-burst.txt"),
            $"{DateTime.UtcNow:O} {factory.Provider}: {requests} enrolments in {clock.ElapsedMilliseconds} ms\n");

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(capacity, results.Count(r => r.Status == EnrolmentStatus.Confirmed));
        Assert.Equal(requests - capacity, results.Count(r => r.Status == EnrolmentStatus.Waitlisted));

        var rows = await EnrolmentsAsync(factory, edition.EditionId);
        Assert.Equal(requests, rows.Count);
        // Ids are handed out in commit order (each transaction holds the counter until it commits):
        // the first twelve got the seats, and the waitlist numbers follow commit order without gaps.
        Assert.All(rows.Take(capacity), r => Assert.Equal(EnrolmentStatus.Confirmed, r.Status));
        Assert.Equal(Enumerable.Range(1, requests - capacity).Select(n => (long?)n), rows.Skip(capacity).Select(r => r.WaitlistSequence));
        Assert.Equal(Enumerable.Range(1, requests - capacity).Select(n => (int?)n).ToHashSet(), results.Select(r => r.WaitlistPosition).Where(p => p is not null).ToHashSet());
        var seats = (await SeatsAsync(factory, edition.EditionId))!;
        Assert.Equal((capacity, (long)(requests - capacity)), (seats.Taken, seats.WaitlistCounter));
    }
}
