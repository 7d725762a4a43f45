namespace Academy.Community.Services;

/// <summary>What the author reads about a finding: what it is and how to write it anonymously (B1 Dutch).</summary>
public static class PrivacyAdvice
{
    public const string Example = "Schrijf bijvoorbeeld 'meneer A., 45 jaar, woont in Arnhem' in plaats van naam, adres of geboortedatum.";

    public static string Name(PrivacyFindingKind kind) => kind switch
    {
        PrivacyFindingKind.Bsn => "een burgerservicenummer (BSN)",
        PrivacyFindingKind.Phone => "een telefoonnummer",
        PrivacyFindingKind.Email => "een e-mailadres",
        PrivacyFindingKind.Iban => "een rekeningnummer (IBAN)",
        PrivacyFindingKind.PostcodeWithNumber => "een postcode met huisnummer",
        PrivacyFindingKind.DateOfBirth => "een geboortedatum",
        _ => "een persoonsgegeven",
    };

    public static string HowToAnonymise(PrivacyFindingKind kind) => kind switch
    {
        PrivacyFindingKind.Bsn => "Haal het BSN weg; voor de bespreking is het niet nodig.",
        PrivacyFindingKind.Phone => "Haal het telefoonnummer weg.",
        PrivacyFindingKind.Email => "Haal het e-mailadres weg.",
        PrivacyFindingKind.Iban => "Haal het rekeningnummer weg.",
        PrivacyFindingKind.PostcodeWithNumber => "Noem alleen de plaats of de wijk, zonder postcode en huisnummer.",
        PrivacyFindingKind.DateOfBirth => "Noem de leeftijd in plaats van de datum, bijvoorbeeld 'meneer A., 45 jaar'.",
        _ => Example,
    };

    /// <summary>The message for one finding, naming the fragment so the author can find it in the text.</summary>
    public static string Message(PrivacyFinding finding) =>
        $"In je tekst staat {Name(finding.Kind)}: '{finding.Fragment}'. {HowToAnonymise(finding.Kind)}";
}
