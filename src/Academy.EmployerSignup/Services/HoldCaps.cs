using Academy.Core.Data;
using Academy.EmployerSignup.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.EmployerSignup.Services;

/// <summary>
/// Caps on seats held by unconfirmed sign-ups (finding 2 of issue 9): per group, per client address and per contact
/// e-mail address. A hold costs nothing but an e-mail address, so without them one visitor could hold every seat.
/// </summary>
public sealed class HoldCaps(AcademyDbContext db, IOptions<EmployerSignupOptions> options, TimeProvider clock)
{
    /// <summary>The refusal (field and Dutch message) when <paramref name="seats"/> more would pass a cap; null when they fit.</summary>
    public async Task<(string? Field, string Message)?> CheckAsync(string editionId, string contactEmail, string? clientKey, int seats,
        CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var wait = o.HoldDurationText();
        if (await HeldAsync(s => s.EditionId == editionId, cancellationToken) + seats > o.MaxUnconfirmedSeatsPerGroup)
        {
            return (nameof(SignupInput.EditionId),
                $"Voor deze groep wachten nu te veel plaatsen op een bevestiging. Kies een andere groep, of probeer het over {wait} opnieuw.");
        }
        var email = contactEmail.Trim().ToLowerInvariant();
        if (await HeldAsync(s => s.ContactEmail.ToLower() == email, cancellationToken) + seats > o.MaxUnconfirmedSeatsPerEmail)
        {
            return (nameof(SignupInput.ContactEmail),
                $"Met dit e-mailadres zijn al plaatsen gereserveerd die nog niet zijn bevestigd. Bevestig eerst die aanmelding met de link in de e-mail, of probeer het over {wait} opnieuw.");
        }
        if (clientKey is not null && await HeldAsync(s => s.ClientKey == clientKey, cancellationToken) + seats > o.MaxUnconfirmedSeatsPerAddress)
        {
            return (null,
                $"Vanaf dit adres zijn al plaatsen gereserveerd die nog niet zijn bevestigd. Bevestig eerst die aanmeldingen met de link in de e-mail, of probeer het over {wait} opnieuw.");
        }
        return null;
    }

    /// <summary>Seats held by unconfirmed sign-ups whose hold has not ended.</summary>
    private Task<int> HeldAsync(System.Linq.Expressions.Expression<Func<EmployerSignupRecord, bool>> which, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<EmployerSignupRecord>().AsNoTracking()
            .Where(s => s.Status == EmployerSignupStatus.Unconfirmed && s.ExpiresUtc > now)
            .Where(which)
            .SumAsync(s => s.ParticipantCount, cancellationToken);
    }
}
