using System.Globalization;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Settings;
using Academy.Core.Text;
using Academy.Email.Abstractions;
using Academy.Meldingen.Models;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Meldingen.Services;

/// <summary>What became of a gids's action on a melding.</summary>
public enum StepOutcome
{
    Done,
    NotFound,
    /// <summary>Another gids claimed it first (or it is no longer open).</summary>
    TakenByOther,
    /// <summary>The action needs the melding to be claimed by this gids, and it is not.</summary>
    NotYours,
    Closed,
    UnknownOrganisation,
    EmptyNote,
}

/// <summary>
/// The life of a melding: stored from the question form with its reference number and confirmation mail (one
/// transaction), then claimed, annotated, referred and closed by gidsen, each step written to its history.
/// </summary>
public sealed class MeldingService(
    AcademyDbContext db,
    UnitOfWork unit,
    IMailQueue mail,
    IMailComposer composer,
    DocumentStore documents,
    MeldingRetention retention,
    IOrganisationDirectory organisations,
    TimeProvider clock)
{
    private DbSet<Melding> Meldingen => db.Set<Melding>();

    /// <summary>"WC-2026-000123": the year it was asked (Amsterdam) and its number.</summary>
    public static string ReferenceOf(long id, DateTime createdUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"WC-{AmsterdamTime.ToLocal(createdUtc).Year}-{id:D6}");

    /// <summary>Stores the question and queues its confirmation mail in one transaction; returns the reference.</summary>
    public Task<string> SubmitAsync(ValidQuestion question, CancellationToken cancellationToken = default) => unit.RunAsync(async () =>
    {
        var now = Now();
        var melding = new Melding
        {
            Reference = "nieuw-" + Guid.NewGuid().ToString("n")[..14],
            CreatedUtc = now,
            Audience = question.Audience,
            Topic = question.Topic,
            Gemeente = question.Gemeente,
            Channel = question.Channel,
            Email = question.Email,
            Phone = question.Phone,
            Question = question.Question,
            Status = MeldingStatus.Open,
        };
        Meldingen.Add(melding);
        await db.SaveChangesAsync(cancellationToken); // the number comes from the database
        melding.Reference = ReferenceOf(melding.Id, now);
        db.Set<MeldingStep>().Add(new MeldingStep { MeldingId = melding.Id, Kind = MeldingStepKind.Created, AtUtc = now });
        if (melding.Email is not null)
        {
            await mail.EnqueueAsync(await ConfirmationAsync(melding), cancellationToken);
        }
        await retention.EnsureScheduledAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return melding.Reference;
    }, cancellationToken);

    private async Task<MailDraft> ConfirmationAsync(Melding melding)
    {
        var site = (await documents.GetSiteSettingsAsync()).SiteName;
        var markdown = $"""
            Hallo,

            Bedankt voor je vraag aan het Werkcentrum. We hebben je vraag goed ontvangen.

            Je nummer is **{MarkdownEscaper.Escape(melding.Reference)}**. Noem dit nummer als je contact met ons opneemt.

            Je vraag gaat over: {MarkdownEscaper.Escape(MeldingChoices.TopicText(melding.Topic))}.

            Een gids van het Werkcentrum leest je vraag en neemt binnen 5 werkdagen contact met je op.

            Met vriendelijke groet,

            {MarkdownEscaper.Escape(site)}
            """;
        var (subject, html, text) = composer.Render($"Je vraag aan het Werkcentrum ({melding.Reference})", markdown);
        return new MailDraft(melding.Email!, null, subject, html, text, $"melding-bevestiging:{melding.Reference}");
    }

    public Task<Melding?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        Meldingen.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    public Task<List<MeldingStep>> HistoryAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<MeldingStep>().AsNoTracking().Where(s => s.MeldingId == id).OrderBy(s => s.AtUtc).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>The queue: one status, oldest first for open ones (they waited longest), newest first otherwise.</summary>
    public async Task<List<Melding>> ListAsync(MeldingStatus status, int take, CancellationToken cancellationToken = default)
    {
        var query = Meldingen.AsNoTracking().Where(m => m.Status == status);
        query = status == MeldingStatus.Open ? query.OrderBy(m => m.Id) : query.OrderByDescending(m => m.Id);
        return await query.Take(take).ToListAsync(cancellationToken);
    }

    public async Task<Dictionary<MeldingStatus, int>> CountsAsync(CancellationToken cancellationToken = default) =>
        (await Meldingen.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        .ToDictionary(g => g.Key, g => g.Count);

    /// <summary>Claims an open melding; of two gidsen claiming at once exactly one wins (a conditional update).</summary>
    public Task<StepOutcome> ClaimAsync(long id, CurrentUser gids, CancellationToken cancellationToken = default) => unit.RunAsync(async () =>
    {
        var now = Now();
        var won = await Meldingen.Where(m => m.Id == id && m.Status == MeldingStatus.Open).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, MeldingStatus.Claimed)
            .SetProperty(m => m.ClaimedByUserId, gids.UserId)
            .SetProperty(m => m.ClaimedByName, gids.DisplayName)
            .SetProperty(m => m.ClaimedUtc, now), cancellationToken);
        if (won == 0)
        {
            return await Meldingen.AnyAsync(m => m.Id == id, cancellationToken) ? StepOutcome.TakenByOther : StepOutcome.NotFound;
        }
        AddStep(id, MeldingStepKind.Claimed, gids, null, now);
        return StepOutcome.Done;
    }, cancellationToken);

    /// <summary>A note by any gids on a melding that is not closed.</summary>
    public Task<StepOutcome> AddNoteAsync(long id, CurrentUser gids, string? note, CancellationToken cancellationToken = default) => unit.RunAsync(async () =>
    {
        var text = note?.Trim() ?? "";
        if (text.Length == 0 || text.Length > QuestionForm.MaxNoteLength)
        {
            return StepOutcome.EmptyNote;
        }
        var status = await Meldingen.Where(m => m.Id == id).Select(m => (MeldingStatus?)m.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return StepOutcome.NotFound;
        }
        if (status == MeldingStatus.Closed)
        {
            return StepOutcome.Closed;
        }
        AddStep(id, MeldingStepKind.Note, gids, text, Now());
        return StepOutcome.Done;
    }, cancellationToken);

    /// <summary>Refers the melding to a partner organisation; only the gids who claimed it does so.</summary>
    public async Task<StepOutcome> ReferAsync(long id, CurrentUser gids, string? organisationId, CancellationToken cancellationToken = default)
    {
        var organisation = string.IsNullOrEmpty(organisationId) ? null : await organisations.GetAsync(organisationId);
        if (organisation is null)
        {
            return StepOutcome.UnknownOrganisation;
        }
        return await unit.RunAsync(async () =>
        {
            var now = Now();
            var changed = await Mine(id, gids).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ReferredToId, organisation.Id)
                .SetProperty(m => m.ReferredToName, organisation.Name), cancellationToken);
            if (changed == 0)
            {
                return await WhyNotAsync(id, cancellationToken);
            }
            AddStep(id, MeldingStepKind.Referred, gids, organisation.Name, now);
            return StepOutcome.Done;
        }, cancellationToken);
    }

    /// <summary>Closes the melding; only the gids who claimed it does so. Its retention period starts now.</summary>
    public Task<StepOutcome> CloseAsync(long id, CurrentUser gids, CancellationToken cancellationToken = default) => unit.RunAsync(async () =>
    {
        var now = Now();
        var changed = await Mine(id, gids).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, MeldingStatus.Closed)
            .SetProperty(m => m.ClosedUtc, now), cancellationToken);
        if (changed == 0)
        {
            return await WhyNotAsync(id, cancellationToken);
        }
        AddStep(id, MeldingStepKind.Closed, gids, null, now);
        return StepOutcome.Done;
    }, cancellationToken);

    private IQueryable<Melding> Mine(long id, CurrentUser gids) =>
        Meldingen.Where(m => m.Id == id && m.Status == MeldingStatus.Claimed && m.ClaimedByUserId == gids.UserId);

    private async Task<StepOutcome> WhyNotAsync(long id, CancellationToken cancellationToken) =>
        await Meldingen.Where(m => m.Id == id).Select(m => (MeldingStatus?)m.Status).FirstOrDefaultAsync(cancellationToken) switch
        {
            null => StepOutcome.NotFound,
            MeldingStatus.Closed => StepOutcome.Closed,
            _ => StepOutcome.NotYours,
        };

    private void AddStep(long id, MeldingStepKind kind, CurrentUser gids, string? text, DateTime now) =>
        db.Set<MeldingStep>().Add(new MeldingStep { MeldingId = id, Kind = kind, ActorUserId = gids.UserId, ActorName = gids.DisplayName, Text = text, AtUtc = now });

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
