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
public abstract partial class EnrolmentServiceTests
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
