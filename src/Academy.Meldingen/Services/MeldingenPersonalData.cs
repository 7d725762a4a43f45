using System.Text.Json.Nodes;
using Academy.Core.Privacy;
using Academy.Meldingen.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Meldingen.Services;

/// <summary>
/// Meldingen in "mijn gegevens" and account erasure: the questions asked with the subject's e-mail address, and
/// what the subject did as a gids. Erasing removes the asker's personal data (as retention would) and takes the
/// gids's name off the steps; the anonymous counts stay.
/// </summary>
public sealed class MeldingenPersonalData(Core.Data.AcademyDbContext db, MeldingRetention retention, TimeProvider clock) : IPersonalDataProvider
{
    public string Name => "meldingen";

    private IQueryable<Melding> Asked(PersonalDataSubject subject)
    {
        var email = subject.Email.Trim().ToLowerInvariant();
        return db.Set<Melding>().Where(m => m.Email != null && m.Email.ToLower() == email);
    }

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var asked = await Asked(subject).AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var handled = await db.Set<MeldingStep>().AsNoTracking().Where(s => s.ActorUserId == subject.UserId)
            .Join(db.Set<Melding>(), s => s.MeldingId, m => m.Id, (s, m) => new { m.Reference, s.Kind, s.AtUtc, s.Text })
            .OrderBy(s => s.AtUtc).ToListAsync(cancellationToken);
        if (asked.Count == 0 && handled.Count == 0)
        {
            return null;
        }
        var data = new JsonObject
        {
            ["vragen"] = new JsonArray(asked.Select(m => (JsonNode)new JsonObject
            {
                ["nummer"] = m.Reference,
                ["gesteld"] = m.CreatedUtc,
                ["onderwerp"] = MeldingChoices.TopicText(m.Topic),
                ["gemeente"] = m.Gemeente,
                ["email"] = m.Email,
                ["vraag"] = m.Question,
                ["status"] = m.Status.ToString(),
            }).ToArray()),
            ["alsGids"] = new JsonArray(handled.Select(s => (JsonNode)new JsonObject
            {
                ["melding"] = s.Reference,
                ["stap"] = s.Kind.ToString(),
                ["moment"] = s.AtUtc,
                ["tekst"] = s.Text,
            }).ToArray()),
        };
        return new PersonalDataSection(Name, data);
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        await retention.EraseAsync(Asked(subject), clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.Set<MeldingStep>().Where(s => s.ActorUserId == subject.UserId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ActorUserId, (string?)null)
            .SetProperty(x => x.ActorName, "Verwijderde gebruiker"), cancellationToken);
        await db.Set<Melding>().Where(m => m.ClaimedByUserId == subject.UserId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedByUserId, (string?)null)
            .SetProperty(m => m.ClaimedByName, "Verwijderde gebruiker"), cancellationToken);
    }
}
