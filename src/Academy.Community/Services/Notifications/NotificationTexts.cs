using Academy.Community.Models;

namespace Academy.Community.Services.Notifications;

/// <summary>The Dutch words for the mail choices and notification reasons, shared by the pages and the confirmations.</summary>
public static class NotificationTexts
{
    public static readonly IReadOnlyList<(NotificationMail Value, string Label)> MailChoices =
    [
        (NotificationMail.Immediately, "Meteen: een e-mail per melding"),
        (NotificationMail.Daily, "Een keer per dag een overzicht"),
        (NotificationMail.Weekly, "Een keer per week een overzicht (maandag)"),
        (NotificationMail.Never, "Geen e-mail, alleen op deze pagina"),
    ];

    public static string Saved(NotificationMail choice) => choice switch
    {
        NotificationMail.Immediately => "Je krijgt voortaan meteen een e-mail bij een melding.",
        NotificationMail.Daily => "Je krijgt voortaan een keer per dag een overzicht per e-mail.",
        NotificationMail.Weekly => "Je krijgt voortaan een keer per week een overzicht per e-mail.",
        _ => "Je krijgt geen e-mail meer over de community. Je meldingen blijven op deze pagina staan.",
    };
}
