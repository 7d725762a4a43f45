using System.Text.RegularExpressions;
using Academy.Core.Content.Display;
using Academy.Meldingen.Models;

namespace Academy.Meldingen.Services;

/// <summary>What the "Stel je vraag" form posts. Every field is a string, so no input fails model binding.</summary>
public sealed class QuestionInput
{
    public string? Audience { get; set; }
    public string? Topic { get; set; }
    public string? Gemeente { get; set; }
    public string? Question { get; set; }

    /// <summary>"email" or "telefoon".</summary>
    public string? Channel { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>"ja" when the consent box is ticked.</summary>
    public string? Consent { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by programs that fill in everything.</summary>
    public string? Website { get; set; }

    /// <summary>The signed moment the form was shown (<see cref="FormStamp"/>).</summary>
    public string? Stamp { get; set; }
}

/// <summary>A question that passed every check, ready to become a melding.</summary>
public sealed record ValidQuestion(string Audience, string Topic, string Gemeente, string Question, ContactChannel Channel, string? Email, string? Phone);

/// <summary>Checks the question form; messages are Dutch (B1) and name what to do.</summary>
public static partial class QuestionForm
{
    public const int MaxQuestionLength = 2000;
    public const int MaxNoteLength = 2000;
    public const int MaxGemeenteLength = 100;
    public const string ChannelEmail = "email";
    public const string ChannelPhone = "telefoon";

    public static ValidQuestion? Validate(QuestionInput input, IReadOnlyList<string> gemeenten, FormErrors errors)
    {
        if (!MeldingChoices.Audiences.Any(a => a.Key == input.Audience))
        {
            errors.Add(nameof(QuestionInput.Audience), "Kies wie je bent: iemand die werk zoekt, iemand die werk heeft of een werkgever.");
        }
        if (!MeldingChoices.Topics.Any(t => t.Key == input.Topic))
        {
            errors.Add(nameof(QuestionInput.Topic), "Kies waar je vraag over gaat.");
        }
        if (input.Gemeente is null || !(gemeenten.Contains(input.Gemeente, StringComparer.Ordinal) || input.Gemeente == MeldingChoices.OtherGemeente))
        {
            errors.Add(nameof(QuestionInput.Gemeente), "Kies de gemeente waar je woont of werkt.");
        }
        var question = input.Question?.Trim() ?? "";
        if (question.Length == 0)
        {
            errors.Add(nameof(QuestionInput.Question), "Schrijf je vraag op.");
        }
        else if (question.Length > MaxQuestionLength)
        {
            errors.Add(nameof(QuestionInput.Question), $"Je vraag is te lang. Gebruik hoogstens {MaxQuestionLength} tekens; je gebruikte er {question.Length}.");
        }

        var channel = input.Channel switch
        {
            ChannelEmail => ContactChannel.Email,
            ChannelPhone => ContactChannel.Phone,
            _ => (ContactChannel?)null,
        };
        string? email = null, phone = null;
        if (channel is null)
        {
            errors.Add(nameof(QuestionInput.Channel), "Kies hoe we contact met je opnemen: per e-mail of per telefoon.");
        }
        else if (channel == ContactChannel.Email)
        {
            email = input.Email?.Trim();
            if (string.IsNullOrEmpty(email))
            {
                errors.Add(nameof(QuestionInput.Email), "Vul je e-mailadres in.");
            }
            else if (email.Length > 256 || !EmailShape().IsMatch(email))
            {
                errors.Add(nameof(QuestionInput.Email), "Vul een goed e-mailadres in, zoals naam@voorbeeld.nl.");
            }
        }
        else
        {
            phone = input.Phone?.Trim();
            if (string.IsNullOrEmpty(phone))
            {
                errors.Add(nameof(QuestionInput.Phone), "Vul je telefoonnummer in.");
            }
            else if (phone.Length > 30 || !PhoneShape().IsMatch(phone) || phone.Count(char.IsAsciiDigit) is < 10 or > 15)
            {
                errors.Add(nameof(QuestionInput.Phone), "Vul een goed telefoonnummer in, zoals 06 12345678.");
            }
        }
        if (input.Consent != "ja")
        {
            errors.Add(nameof(QuestionInput.Consent), "Geef toestemming dat we je gegevens gebruiken om je vraag te beantwoorden.");
        }
        return errors.Any ? null : new ValidQuestion(input.Audience!, input.Topic!, input.Gemeente!, question, channel!.Value, email, phone);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9 ()-]+$")]
    private static partial Regex PhoneShape();
}
