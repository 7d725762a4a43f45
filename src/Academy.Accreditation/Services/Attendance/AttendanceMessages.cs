using Academy.Core.Text;

namespace Academy.Accreditation.Services.Attendance;

/// <summary>The Dutch messages of attendance registration, in one place (the service and the pages share them).</summary>
public static class AttendanceMessages
{
    public const string UnknownEdition = "Deze groep bestaat niet (meer).";
    public const string UnknownSession = "Deze bijeenkomst hoort niet bij deze groep.";
    public const string NoLines = "Er zijn geen deelnemers om te registreren.";
    public const string Changed = "Iemand anders heeft de presentie van deze bijeenkomst net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.";

    /// <summary>How long before its start a session may be registered (a trainer ticks people off as they come in).</summary>
    public static readonly TimeSpan OpensBeforeStart = TimeSpan.FromHours(1);

    public static string NotStarted(DateTime opensUtc) =>
        $"Deze bijeenkomst is nog niet begonnen. Je kunt de aanwezigheid registreren vanaf {DutchFormat.Date(opensUtc)} om {DutchFormat.Time(opensUtc)} uur.";

    public static string NotAParticipant(string name) => $"{name} is geen deelnemer van deze groep.";

    public static string Duplicate(string name) => $"{name} staat twee keer in de lijst.";

    public static string StatusRequired(string name) => $"Kies bij {name}: aanwezig, afwezig of deels.";

    public static string MinutesOutOfRange(string name, int sessionMinutes) => sessionMinutes < 2
        ? $"{name} kan niet deels aanwezig zijn: de bijeenkomst duurt te kort. Kies aanwezig of afwezig."
        : $"Vul bij {name} in hoeveel minuten die aanwezig was: een heel getal van 1 tot en met {sessionMinutes - 1}.";
}
