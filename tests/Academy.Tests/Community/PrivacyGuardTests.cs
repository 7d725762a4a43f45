using Academy.Community.Services;

namespace Academy.Tests.Community;

/// <summary>The casuïstiek privacy guard on a table of texts: what it must find, and plain text it must let through.</summary>
public sealed class PrivacyGuardTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    /// <summary>Text, and the kind the guard must find in it (null: the text must pass).</summary>
    public static TheoryData<string, PrivacyFindingKind?> Cases => new()
    {
        // BSN: nine digits that pass the 11-proef, also grouped with dots or spaces.
        { "Cliënt met BSN 111222333 meldt zich bij het loket.", PrivacyFindingKind.Bsn },
        { "bsn 123456782", PrivacyFindingKind.Bsn },
        { "BSN: 1234.56.782", PrivacyFindingKind.Bsn },
        { "BSN 123 456 782 staat in het dossier", PrivacyFindingKind.Bsn },
        { "burgerservicenummer 123.456.782", PrivacyFindingKind.Bsn },
        { "ordernummer 123456789", null },
        { "referentie 111222334", null },
        { "000000000", null },
        { "klantnummer 12345678", null },
        { "factuur 1234567890", null },
        // Dutch phone numbers.
        { "Bel haar op 06-12345678.", PrivacyFindingKind.Phone },
        { "mobiel 0612345678", PrivacyFindingKind.Phone },
        { "tel. 06 1234 5678", PrivacyFindingKind.Phone },
        { "bereikbaar via +31 6 12345678", PrivacyFindingKind.Phone },
        { "+31 (0)6 12 34 56 78", PrivacyFindingKind.Phone },
        { "kantoor 020-1234567", PrivacyFindingKind.Phone },
        { "0318 123 456 na vijf uur", PrivacyFindingKind.Phone },
        { "0031 26 123 4567", PrivacyFindingKind.Phone },
        { "026-3123456", PrivacyFindingKind.Phone },
        { "dossier 06-1234", null },
        // E-mail addresses (a mention is not one).
        { "mail naar j.jansen@example.nl", PrivacyFindingKind.Email },
        { "a.b+test@gemeente-arnhem.nl schreef", PrivacyFindingKind.Email },
        { "vraag het @Jan de Vries", null },
        // IBAN: only with a valid mod-97 checksum.
        { "NL91ABNA0417164300", PrivacyFindingKind.Iban },
        { "rekening NL91 ABNA 0417 1643 00 graag", PrivacyFindingKind.Iban },
        { "rekening nl91abna0417164300", PrivacyFindingKind.Iban },
        { "DE89 3704 0044 0532 0130 00", PrivacyFindingKind.Iban },
        { "NL20INGB0001234567", PrivacyFindingKind.Iban },
        { "NL92ABNA0417164300", null },
        { "NL20INGB0001234568", null },
        // A postcode with a house number (a postcode alone names an area).
        { "woont op 6811 AB 12", PrivacyFindingKind.PostcodeWithNumber },
        { "Kerkstraat 12, 6811 AB Arnhem", PrivacyFindingKind.PostcodeWithNumber },
        { "postcode 6811AB, huisnummer 4", PrivacyFindingKind.PostcodeWithNumber },
        { "6811ab 12", PrivacyFindingKind.PostcodeWithNumber },
        { "in de wijk rond 6811 AB", null },
        { "Kerkstraat 12 in Arnhem", null },
        // Dates of birth: near a birth word, or a full date far enough back.
        { "geboren 12-03-1981", PrivacyFindingKind.DateOfBirth },
        { "geb. 3 maart 1981, alleenstaand", PrivacyFindingKind.DateOfBirth },
        { "geboortedatum: 01/02/1975", PrivacyFindingKind.DateOfBirth },
        { "geboren op 12.03.81", PrivacyFindingKind.DateOfBirth },
        { "Op 14-05-1979 kwam hij ter wereld.", PrivacyFindingKind.DateOfBirth },
        { "afspraak op 12-03-2026 bij het Werkcentrum", null },
        { "bijeenkomst op 5 januari 2027", null },
        { "geboren in 1978", null },
        { "31-02-1980", null },
        { "meneer A., 45 jaar, woont in Arnhem", null },
        // Plain text with numbers must pass.
        { "in 2024 werkte hij 32 uur", null },
        { "De training duurt 3 dagdelen van 4 uur, in totaal 12 uur.", null },
        { "Zie artikel 7:611 BW en de Participatiewet (2015).", null },
        { "Kosten: € 1.250,00 per deelnemer, 12 deelnemers", null },
        { "Er waren 45 accountmanagers en adviseurs actief in 2023.", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_exactly_the_expected_kind(string text, PrivacyFindingKind? expected)
    {
        var findings = PrivacyGuard.Scan(text, Today);
        if (expected is null)
        {
            Assert.True(findings.Count == 0, $"'{text}' should pass, but the guard found {string.Join(", ", findings.Select(f => $"{f.Kind} '{f.Fragment}'"))}.");
        }
        else
        {
            var finding = Assert.Single(findings);
            Assert.Equal(expected, finding.Kind);
            Assert.Equal(text.Substring(finding.Index, finding.Length), finding.Fragment);
        }
    }

    [Fact]
    public void The_table_has_at_least_forty_cases_of_every_kind_and_plain_text()
    {
        var cases = Cases.Select(row => (PrivacyFindingKind?)row[1]).ToList();
        Assert.True(cases.Count >= 40);
        Assert.All(Enum.GetValues<PrivacyFindingKind>(), kind => Assert.Contains((PrivacyFindingKind?)kind, cases));
        Assert.True(cases.Count(c => c is null) >= 10);
    }

    [Fact]
    public void Several_kinds_in_one_text_are_all_found_in_order()
    {
        var findings = PrivacyGuard.Scan("BSN 111222333, tel 0612345678, mail a@b.nl", Today);
        Assert.Equal([PrivacyFindingKind.Bsn, PrivacyFindingKind.Phone, PrivacyFindingKind.Email], findings.Select(f => f.Kind));
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("123456789", false)]
    [InlineData("999999999", false)]
    [InlineData("12345678", false)]
    public void Eleven_test(string digits, bool valid) => Assert.Equal(valid, PrivacyGuard.PassesElevenTest(digits));

    [Fact]
    public void A_full_date_counts_as_a_date_of_birth_from_the_minimum_age_on()
    {
        var justOld = Today.AddYears(-PrivacyGuard.BirthDateMinimumAgeYears);
        var justRecent = justOld.AddDays(1);
        Assert.Single(PrivacyGuard.Scan($"op {justOld:dd-MM-yyyy}", Today));
        Assert.Empty(PrivacyGuard.Scan($"op {justRecent:dd-MM-yyyy}", Today));
    }

    [Fact]
    public void The_advice_names_the_fragment_and_how_to_anonymise()
    {
        var finding = Assert.Single(PrivacyGuard.Scan("geboren 12-03-1981", Today));
        var message = PrivacyAdvice.Message(finding);
        Assert.Contains("'12-03-1981'", message);
        Assert.Contains("45 jaar", message);
        Assert.Contains("geboortedatum", message);
    }
}
