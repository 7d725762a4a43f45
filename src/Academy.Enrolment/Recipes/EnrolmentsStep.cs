using Academy.Leeragenda.Abstractions;
using System.Net.Mail;
using System.Text.Json.Nodes;
using Academy.Core.Contracts;
using Academy.Core.Recipes;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Services;
using Microsoft.Extensions.DependencyInjection;
using Academy.Users.Abstractions;

namespace Academy.Enrolment.Recipes;

/// <summary>
/// "Enrolments": confirmed participants per edition, for demos and tests (a group in the past needs participants, and
/// enrolling on a started group is refused). { "EditionId": "...", "Participants": [ { "Email": "...", "Name": "..." } ] }.
/// Seats come from the edition's counter; running the recipe again adds nobody twice. A participant with an account
/// (same e-mail address) is linked to it, and may then leave out the name.
/// </summary>
public sealed class EnrolmentsStep : IRecipeStepHandler
{
    public string Name => "Enrolments";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var catalog = context.Services.GetRequiredService<IEditionCatalog>();
        var users = context.Services.GetRequiredService<IUserLookup>();
        var service = context.Services.GetRequiredService<EnrolmentService>();
        var count = 0;
        foreach (var node in context.RequireArray("Enrolments"))
        {
            if (node is not JsonObject group)
            {
                throw context.Error(node, "Elke groep is een object met 'EditionId' en 'Participants'.");
            }
            var editionId = context.RequireString(group, "EditionId").Trim();
            var edition = await catalog.GetAsync(editionId)
                ?? throw context.Error(group, $"De groep '{editionId}' bestaat niet of het aanbod is niet gepubliceerd (zet de stap 'Content' ervóór).", "EditionId");
            var participants = group["Participants"] as JsonArray
                ?? throw context.Error(group, "'Participants' ontbreekt of is geen lijst.", "Participants");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in participants)
            {
                if (item is not JsonObject person)
                {
                    throw context.Error(item ?? participants, "Elke deelnemer is een object met 'Email' en 'Name'.");
                }
                var participant = await ParticipantAsync(context, person, users);
                if (!seen.Add(participant.Email))
                {
                    throw context.Error(person, $"'{participant.Email}' staat twee keer bij deze groep.", "Email");
                }
                var result = await service.SeedConfirmedAsync(edition, participant);
                if (!result.Succeeded)
                {
                    throw context.Error(person, $"{participant.Name} kon niet worden aangemeld voor '{editionId}': {result.Error}");
                }
                count++;
            }
        }
        context.Report($"{count} deelnemers");
    }

    private static async Task<Participant> ParticipantAsync(RecipeStepContext context, JsonObject person, IUserLookup users)
    {
        var email = context.RequireString(person, "Email").Trim();
        if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            throw context.Error(person, $"'{email}' is geen geldig e-mailadres.", "Email");
        }
        var account = await users.FindByEmailAsync(email);
        var name = RecipeStepContext.OptionalString(person, "Name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            name = account?.DisplayName ?? throw context.Error(person, "'Name' is verplicht als er geen account met dit e-mailadres is.", "Name");
        }
        if (name.Length > 200)
        {
            throw context.Error(person, "De naam is te lang (hoogstens 200 tekens).", "Name");
        }
        return new Participant(account?.UserId, name, email.ToLowerInvariant(), null, account?.OrganisationId);
    }
}
