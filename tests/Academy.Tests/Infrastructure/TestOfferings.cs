using Academy.Core.Content;
using Academy.Leeragenda.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Testing;

/// <summary>An offering with one group as a test created it; session ids in start order.</summary>
public sealed record TestOffering(string OfferingId, string EditionId, string Title, string EditionName, IReadOnlyList<string> SessionIds);

/// <summary>Creates offerings with one group for tests (enrolment, attendance, ledger, reports): one place for the content shape.</summary>
public static class TestOfferings
{
    /// <summary>
    /// Saves an item of <paramref name="type"/> (with <paramref name="parts"/>) titled "{titlePrefix} {key}" with <paramref name="offering"/> and one group
    /// "groep-{key}" whose sessions run from each start for <paramref name="duration"/>; published unless <paramref name="publish"/> is false.
    /// </summary>
    public static async Task<TestOffering> CreateAsync(
        IServiceProvider services,
        OfferingPart offering,
        IReadOnlyList<DateTime> sessionStarts,
        TimeSpan duration,
        int capacity,
        string titlePrefix = "Testtraining",
        IReadOnlyList<string>? trainerEmails = null,
        string type = "Training",
        Action<ContentItem>? configure = null,
        bool publish = true,
        IReadOnlyList<ContentPart>? parts = null)
    {
        var key = Guid.NewGuid().ToString("n")[..12];
        var title = $"{titlePrefix} {key}";
        var sessions = sessionStarts.Select((start, i) => new Session
        {
            SessionId = $"s{i + 1}-{key}", Start = start, End = start + duration, Location = "Zaal 1", Place = "Arnhem",
        }).ToList();
        var edition = new Edition
        {
            EditionId = "groep-" + key,
            Name = "Groep " + key,
            Capacity = capacity,
            TrainerEmails = trainerEmails?.ToList() ?? [],
            Sessions = sessions,
        };
        await using var scope = services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await content.NewAsync(type);
        item.DisplayText = title;
        item.Apply(new TitlePart { Title = title });
        item.Apply(new AutoroutePart { Path = "test-" + key });
        item.Apply(offering);
        item.Apply(new EditionsPart { Editions = [edition] });
        foreach (var part in parts ?? [])
        {
            // Other modules' parts of the offering (enrolment policy, accreditation), stored under their type name.
            item.Content[part.GetType().Name] = System.Text.Json.JsonSerializer.SerializeToNode(part, part.GetType(), ContentJson.Options);
        }
        configure?.Invoke(item);
        if (publish)
        {
            await content.SaveAndPublishAsync(item);
        }
        else
        {
            await content.SaveDraftAsync(item);
        }
        return new TestOffering(item.ContentItemId, edition.EditionId, title, edition.Name, sessions.Select(s => s.SessionId).ToList());
    }

    /// <summary>A start on each of these days from now (negative: in the past), at 08:00 UTC.</summary>
    public static IReadOnlyList<DateTime> DaysFromNow(params int[] days) =>
        days.Select(d => DateTime.UtcNow.Date.AddDays(d).AddHours(8)).ToList();
}
