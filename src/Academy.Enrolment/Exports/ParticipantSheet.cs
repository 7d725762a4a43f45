using System.Globalization;
using Academy.Core.Data;
using Academy.Core.Exports;
using Academy.Core.Recipes;
using Academy.Core.Text;
using Academy.Enrolment.Queries;

namespace Academy.Enrolment.Exports;

/// <summary>
/// The participant list as a table of text, the one source of both the CSV and the XLSX export:
/// a header row and a row per participant, dates in Amsterdam time.
/// </summary>
public static class ParticipantSheet
{
    public static readonly IReadOnlyList<string> Columns =
        ["Naam", "E-mail", "Organisatie", "Functie", "Status", "Plaats op wachtlijst", "Aangemeld op"];

    public static TextSheet From(IEnumerable<ParticipantRow> participants, Func<string, object[], string> localize) => new(
        Columns.Select(c => localize(c, [])).ToList(),
        participants.Select(p => (IReadOnlyList<string>)
        new[]
        {
            p.Name,
            p.Email,
            p.OrganisationName ?? "",
            p.Function ?? "",
            EnrolmentStatusText.Describe(p.Status, null, p.DeclineReason, localize),
            p.WaitlistPosition?.ToString(DutchFormat.Culture) ?? "",
            AmsterdamTime.ToLocal(UtcDates.AsUtc(p.EnrolledUtc)).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
        }.Select(TextSheet.NeutraliseFormula).ToList()).ToList());

    /// <summary>A safe file name part for the download, e.g. "training-x-groep-1".</summary>
    public static string FileName(string offeringTitle, string editionName) => Slug.From($"{offeringTitle} {editionName}");
}
