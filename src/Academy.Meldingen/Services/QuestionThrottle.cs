using Academy.Core.Security;
using Academy.Meldingen.Controllers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Meldingen.Services;

/// <summary>Per-client throttling of POST /werkcentrum/vraag (Core's <see cref="ClientThrottle"/>), set by Academy:Meldingen:SubmissionsPerWindow.</summary>
public static class QuestionThrottle
{
    public const string Policy = "academy-meldingen-vraag";

    public static IServiceCollection AddQuestionThrottle(this IServiceCollection services) =>
        services.AddClientThrottle(Policy, sp =>
        {
            var options = sp.GetRequiredService<IOptions<MeldingenOptions>>().Value;
            return (Math.Max(1, options.SubmissionsPerWindow), TimeSpan.FromSeconds(Math.Max(1, options.SubmissionWindowSeconds)));
        }, (http, _) => ClientThrottle.ViewAsync(http, "TooMany", new QuestionMessage(
            "Te veel vragen verstuurd",
            "Er zijn vanaf dit adres te veel vragen verstuurd. Probeer het over een uur opnieuw, of bel of loop binnen bij een inlooppunt van het Werkcentrum.")));
}
