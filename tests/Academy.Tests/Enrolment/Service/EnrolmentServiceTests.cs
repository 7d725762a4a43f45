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

/// <summary>The enrolment rules, run against SQLite and PostgreSQL.</summary>
public abstract class EnrolmentServiceTests
{
    protected abstract Task<AcademyFactory> SiteAsync();

    [Fact]
    public async Task Seats_are_confirmed_while_they_last_then_people_are_waitlisted_in_order()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 2);

        var results = new List<EnrolmentResult>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await EnrolAsync(factory, edition.EditionId, Person(i)));
        }

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal([EnrolmentStatus.Confirmed, EnrolmentStatus.Confirmed, EnrolmentStatus.Waitlisted, EnrolmentStatus.Waitlisted], results.Select(r => r.Status!.Value));
        Assert.Equal([null, null, 1, 2], results.Select(r => r.WaitlistPosition));
        Assert.Equal(2, (await SeatsAsync(factory, edition.EditionId))!.Taken);
        Assert.Equal(["EnrolmentConfirmed"], await EventTypesAsync(factory, results[0].EnrolmentId!.Value));
        var waitlisted = (await EventsAsync(factory, results[3].EnrolmentId!.Value)).Single();
        Assert.Equal("EnrolmentWaitlisted", waitlisted.Type);
        using var payload = JsonDocument.Parse(waitlisted.Payload);
        Assert.Equal(2, payload.RootElement.GetProperty("WaitlistPosition").GetInt32());
        Assert.Equal(edition.Title, payload.RootElement.GetProperty("OfferingTitle").GetString());

        // The leeragenda's seat count comes from the counter now.
        var taken = await WithAsync(factory, sp => sp.GetRequiredService<IEditionSeats>().TakenAsync([edition.EditionId]));
        Assert.Equal(2, taken[edition.EditionId]);
    }

    [Fact]
    public async Task Enrolling_twice_is_refused_with_a_Dutch_message_and_changes_nothing()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 1);
        var first = Person(1);
        var second = Person(2);
        Assert.True((await EnrolAsync(factory, edition.EditionId, first)).Succeeded);
        Assert.Equal(EnrolmentStatus.Waitlisted, (await EnrolAsync(factory, edition.EditionId, second)).Status);

        var again = await EnrolAsync(factory, edition.EditionId, first with { Email = first.Email.ToUpperInvariant() });
        var waitlistedAgain = await EnrolAsync(factory, edition.EditionId, second);

        Assert.Equal("Je bent al aangemeld voor deze groep.", again.Error);
        Assert.Equal("Je staat al op de wachtlijst voor deze groep.", waitlistedAgain.Error);
        Assert.Equal(2, (await EnrolmentsAsync(factory, edition.EditionId)).Count);
        var seats = (await SeatsAsync(factory, edition.EditionId))!;
        Assert.Equal((1, 1L), (seats.Taken, seats.WaitlistCounter));
    }

    [Fact]
    public async Task The_same_person_submitting_many_times_at_once_is_enrolled_once()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 5);
        var person = Person(1);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await EnrolAsync(factory, edition.EditionId, person);
        })).ToList().Also(_ => start.SetResult()));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Je bent al aangemeld voor deze groep.", r.Error));
        Assert.Single(await EnrolmentsAsync(factory, edition.EditionId));
        Assert.Equal(1, (await SeatsAsync(factory, edition.EditionId))!.Taken);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bestaat-niet")]
    [InlineData("../../etc/passwd")]
    [InlineData("harrie-training-groep-1' OR '1'='1")]
    public async Task Unknown_or_forged_edition_ids_get_a_Dutch_error(string editionId)
    {
        var factory = await SiteAsync();
        var result = await EnrolAsync(factory, editionId, Person(1));
        Assert.False(result.Succeeded);
        Assert.Equal("Deze groep bestaat niet of staat niet open voor aanmelding.", result.Error);
        Assert.Empty(await EnrolmentsAsync(factory, editionId));
    }

    [Fact]
    public async Task Unpublished_and_started_editions_cannot_be_enrolled_on()
    {
        var factory = await SiteAsync();
        var draft = await CreateEditionAsync(factory, capacity: 5, publish: false);
        var started = await CreateEditionAsync(factory, capacity: 5, startUtc: DateTime.UtcNow.AddHours(-1));
        var past = await CreateEditionAsync(factory, capacity: 5, startUtc: DateTime.UtcNow.AddDays(-30));

        Assert.Equal("Deze groep bestaat niet of staat niet open voor aanmelding.", (await EnrolAsync(factory, draft.EditionId, Person(1))).Error);
        Assert.Equal("Deze groep is al begonnen; aanmelden kan niet meer.", (await EnrolAsync(factory, started.EditionId, Person(1))).Error);
        Assert.Equal("Deze groep is al begonnen; aanmelden kan niet meer.", (await EnrolAsync(factory, past.EditionId, Person(1))).Error);
        foreach (var id in new[] { draft.EditionId, started.EditionId, past.EditionId })
        {
            Assert.Empty(await EnrolmentsAsync(factory, id));
        }
    }

    [Fact]
    public async Task Participants_need_a_name_and_a_valid_email()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 5);
        Assert.Equal("Vul de naam van de deelnemer in.", (await EnrolAsync(factory, edition.EditionId, new Participant("u", " ", "a@example.nl"))).Error);
        Assert.Equal("Vul een geldig e-mailadres van de deelnemer in.", (await EnrolAsync(factory, edition.EditionId, new Participant("u", "Naam", "geen-adres"))).Error);
        Assert.Empty(await EnrolmentsAsync(factory, edition.EditionId));
    }

    [Fact]
    public async Task Completing_many_completes_the_confirmed_ones_once_each_and_skips_the_rest()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 2);
        var first = await EnrolAsync(factory, edition.EditionId, Person(1));
        var second = await EnrolAsync(factory, edition.EditionId, Person(2));
        var waiting = await EnrolAsync(factory, edition.EditionId, Person(3));
        Assert.Equal(EnrolmentStatus.Waitlisted, waiting.Status);
        IReadOnlyCollection<long> ids = [first.EnrolmentId!.Value, second.EnrolmentId!.Value, waiting.EnrolmentId!.Value, 999_999_999];

        var completed = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentCompletion>().MarkCompletedManyAsync(ids, "coordinator"));
        var again = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentCompletion>().MarkCompletedManyAsync(ids, "coordinator"));

        Assert.Equal([first.EnrolmentId.Value, second.EnrolmentId.Value], completed);
        Assert.Empty(again!);
        Assert.Equal(EnrolmentStatus.Completed, (await EnrolmentAsync(factory, first.EnrolmentId.Value))!.Status);
        Assert.Equal(EnrolmentStatus.Waitlisted, (await EnrolmentAsync(factory, waiting.EnrolmentId.Value))!.Status);
        Assert.Single(await EventTypesAsync(factory, second.EnrolmentId.Value), t => t == "EnrolmentCompleted");
        Assert.DoesNotContain("EnrolmentCompleted", await EventTypesAsync(factory, waiting.EnrolmentId.Value));
    }

    [Fact]
    public async Task Prerequisites_must_be_completed_first_and_manual_completion_counts()
    {
        var factory = await SiteAsync();
        var basis = await CreateEditionAsync(factory, capacity: 5);
        var intervisie = await CreateEditionAsync(factory, capacity: 5, prerequisites: [basis.OfferingId], type: "Intervisie");
        var person = Person(1);

        var refused = await EnrolAsync(factory, intervisie.EditionId, person);
        Assert.Equal($"Voor deze groep moet je eerst '{basis.Title}' hebben afgerond.", refused.Error);
        Assert.Empty(await EnrolmentsAsync(factory, intervisie.EditionId));

        var basisEnrolment = await EnrolAsync(factory, basis.EditionId, person);
        var completed = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentCompletion>().MarkCompletedAsync(basisEnrolment.EnrolmentId!.Value, "coordinator"));
        Assert.Equal(EnrolmentStatus.Completed, completed.Status);
        Assert.Equal("Deze deelname is al afgerond.",
            (await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentCompletion>().MarkCompletedAsync(basisEnrolment.EnrolmentId!.Value, "coordinator"))).Error);

        // Completion is found by user id too, whatever address the account has now.
        var accepted = await EnrolAsync(factory, intervisie.EditionId, person with { Email = "nieuw-" + person.Email });
        Assert.True(accepted.Succeeded, accepted.Error);
    }

    [Fact]
    public async Task The_seeded_intervisie_requires_the_HARRIE_training()
    {
        var factory = await SiteAsync();
        var edition = await WithAsync(factory, sp => sp.GetRequiredService<IEditionCatalog>().GetAsync("harrie-intervisie-arnhem"));
        Assert.NotNull(edition);
        Assert.Equal(["harrie-training"], edition.PrerequisiteOfferingIds);
        var result = await EnrolAsync(factory, "harrie-intervisie-arnhem", Person(1));
        Assert.StartsWith("Voor deze groep moet je eerst '", result.Error);
        Assert.Contains("HARRIE", result.Error);
    }

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

internal static class TestExtensions
{
    /// <summary>Runs <paramref name="action"/> on a value and returns it (to start tasks only after they all exist).</summary>
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }

    public static Participant ToParticipant(this Academy.Enrolment.Models.EnrolmentRecord record) =>
        new(record.UserId, record.ParticipantName, record.ParticipantEmail);
}
