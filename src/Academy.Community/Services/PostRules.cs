using Academy.Community.Models;
using Academy.Core.Content.Display;
using Academy.Core.Data;
using Microsoft.Extensions.Logging;

namespace Academy.Community.Services;

/// <summary>What a post's author typed: a topic has a title and options, a reply only a body.</summary>
public sealed class PostForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public AccessLevel? Access { get; set; }
    public bool IsQuestion { get; set; }
    public bool IsCasus { get; set; }
    /// <summary>The author checked the guard's warning and saves anyway (not possible where the guard refuses).</summary>
    public bool ConfirmPrivacy { get; set; }
}

/// <summary>The outcome of checking a post: errors refuse it; <see cref="Warnings"/> ask the author to confirm first.</summary>
public sealed record PostCheck(FormErrors Errors, IReadOnlyList<string> Warnings)
{
    public bool CanSave => !Errors.Any && Warnings.Count == 0;
}

/// <summary>
/// Checks a post before it is saved: lengths, and the privacy guard, which refuses personal data of clients where
/// <paramref name="guarded"/> (casuïstiek groups, casus topics) and elsewhere warns until the author confirms.
/// Only the kinds of what was found reach the log and the database, never the text.
/// </summary>
public sealed class PostRules(AcademyDbContext db, TimeProvider clock, ILogger<PostRules> logger)
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;

    public PostCheck Check(PostForm form, bool isTopic, bool guarded, long groupId)
    {
        var errors = new FormErrors();
        var title = form.Title?.Trim() ?? "";
        var body = form.Body?.Trim() ?? "";
        if (isTopic && title.Length < 3)
        {
            errors.Add(nameof(PostForm.Title), "Geef je onderwerp een titel van minstens 3 tekens.");
        }
        else if (isTopic && title.Length > MaxTitleLength)
        {
            errors.Add(nameof(PostForm.Title), $"De titel is te lang: gebruik hoogstens {MaxTitleLength} tekens.");
        }
        if (body.Length == 0)
        {
            errors.Add(nameof(PostForm.Body), "Schrijf een tekst.");
        }
        else if (body.Length > MaxBodyLength)
        {
            errors.Add(nameof(PostForm.Body), $"De tekst is te lang: gebruik hoogstens {MaxBodyLength:N0} tekens.".Replace(',', '.'));
        }
        if (errors.Any)
        {
            return new PostCheck(errors, []);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var findings = PrivacyGuard.Scan(isTopic ? title + "\n" + body : body, today);
        if (findings.Count == 0)
        {
            return new PostCheck(errors, []);
        }
        var kinds = string.Join(",", findings.Select(f => f.Kind).Distinct());
        if (guarded)
        {
            errors.Add(nameof(PostForm.Body), "Je tekst bevat persoonsgegevens van een cliënt. Maak de casus anoniem; je tekst is bewaard in het formulier.");
            foreach (var finding in findings)
            {
                errors.Add(null, PrivacyAdvice.Message(finding));
            }
            Record(groupId, kinds, refused: true);
            return new PostCheck(errors, []);
        }
        if (!form.ConfirmPrivacy)
        {
            return new PostCheck(errors, findings.Select(PrivacyAdvice.Message).ToList());
        }
        Record(groupId, kinds, refused: false);
        return new PostCheck(errors, []);
    }

    /// <summary>Adds the finding to the unit of work: saved with the post, or on its own when the post was refused.</summary>
    private void Record(long groupId, string kinds, bool refused)
    {
        logger.LogInformation("Privacy guard {Outcome} a post in community group {GroupId}: {Kinds}", refused ? "refused" : "warned about", groupId, kinds);
        db.Add(new PrivacyFindingRecord { GroupId = groupId, Kinds = kinds, Refused = refused, CreatedUtc = clock.GetUtcNow().UtcDateTime });
    }
}
