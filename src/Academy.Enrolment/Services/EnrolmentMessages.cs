namespace Academy.Enrolment.Services;

/// <summary>The Dutch messages of the enrolment rules, in one place.</summary>
public static class EnrolmentMessages
{
    public const string UnknownEnrolment = "Deze aanmelding bestaat niet.";
    public const string UnknownEdition = "Deze groep bestaat niet of staat niet open voor aanmelding.";
    public const string Started = "Deze groep is al begonnen; aanmelden kan niet meer.";
    public const string AlreadyEnrolled = "Je bent al aangemeld voor deze groep.";
    public const string AlreadyWaitlisted = "Je staat al op de wachtlijst voor deze groep.";
    public const string AlreadyRequested = "Je aanmelding voor deze groep wacht al op goedkeuring.";
    public const string Changed = "Deze aanmelding is intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.";
    public const string NameRequired = "Vul de naam van de deelnemer in.";
    public const string EmailInvalid = "Vul een geldig e-mailadres van de deelnemer in.";
    public const string ReasonRequired = "Geef een reden op.";
    public const string NotPending = "Deze aanmelding wacht niet op goedkeuring.";
    public const string AlreadyEnded = "Deze aanmelding is al afgemeld, afgewezen of verlopen.";
    public const string NotCancellable = "Deze aanmelding kan niet meer worden geannuleerd.";
    public const string AlreadyCompleted = "Deze deelname is al afgerond.";
    public const string NotConfirmed = "Alleen een bevestigde aanmelding kan worden afgerond.";
    public const string NoParticipants = "Geef minstens één deelnemer op.";
    public const string DuplicateParticipants = "Elke deelnemer mag maar één keer voorkomen.";
    public const string HoldInvalid = "De reservering is ongeldig (geen kenmerk of een verlopen termijn).";

    public static string PersonAlreadyEnrolled(string name) => $"{name} is al aangemeld voor deze groep.";

    public static string PrerequisiteMissing(string offeringTitle) =>
        $"Voor deze groep moet je eerst '{offeringTitle}' hebben afgerond.";

    public static string CancellationClosed(string deadline) =>
        $"Afmelden kon tot {deadline}. Neem contact op met de leer-coördinator om je af te melden.";

    public static string NotEnoughSeats(int free, int wanted) => free switch
    {
        0 => "Deze groep is vol; er is niets gereserveerd.",
        1 => $"Er is nog 1 plaats vrij in deze groep, niet {wanted}; er is niets gereserveerd.",
        _ => $"Er zijn nog {free} plaatsen vrij in deze groep, niet {wanted}; er is niets gereserveerd.",
    };
}
