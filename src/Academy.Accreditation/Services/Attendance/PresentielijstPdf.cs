using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Models;
using Academy.Accreditation.Pdf;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Academy.Users.Abstractions;

namespace Academy.Accreditation.Services.Attendance;

/// <summary>The presentielijst of one session: what, when, where, who gives it, and a row per participant to sign.</summary>
public sealed class PresentielijstPdf(AttendanceQuery query, IUserLookup users)
{
    public async Task<byte[]> CreateAsync(EditionInfo edition, SessionInfo session, CancellationToken cancellationToken = default)
    {
        var rows = await query.RowsAsync(edition, session, null, prefillPresent: false, cancellationToken);
        var date = DutchFormat.Date(session.StartUtc);
        var title = $"Presentielijst {edition.OfferingTitle} – {edition.EditionName} – {date}";
        var number = edition.Sessions.OrderBy(s => s.StartUtc).ToList().FindIndex(s => s.SessionId == session.SessionId) + 1;
        var pdf = new PdfWriter(title, $"{edition.EditionId}/{session.SessionId}", $"Presentielijst {edition.EditionName}")
            .Heading("Presentielijst")
            .Field("Aanbod", edition.OfferingTitle)
            .Field("Groep", edition.EditionName)
            .Field("Bijeenkomst", $"{number} van {edition.Sessions.Count}")
            .Field("Datum", date)
            .Field("Tijd", $"{DutchFormat.Time(session.StartUtc)} tot {DutchFormat.Time(session.EndUtc)} uur")
            .Field("Locatie", Where(session))
            .Field("Trainer(s)", await TrainersAsync(edition, cancellationToken))
            .Space();
        if (rows.Count == 0)
        {
            pdf.Paragraph("Er zijn (nog) geen deelnemers.");
        }
        else
        {
            // The signature cell holds a line break so each row leaves room to sign.
            pdf.Table(
                ["Naam", "Organisatie", "Geregistreerd", "Handtekening"],
                [3, 3, 2, 3],
                rows.Select(r => (IReadOnlyList<string>)[
                    r.Participant.Participant.Name,
                    r.Participant.OrganisationName ?? "",
                    StatusText(r.RecordedStatus, r.RecordedMinutes),
                    "\n"]));
        }
        return pdf.Paragraph($"Aantal deelnemers: {rows.Count}", 10).ToBytes();
    }

    public static string FileName(EditionInfo edition, SessionInfo session) =>
        $"presentielijst-{edition.EditionId}-{DutchFormat.IsoLocalDate(session.StartUtc)}.pdf";

    private static string Where(SessionInfo session)
    {
        var place = string.Join(", ", new[] { session.Location, session.Place }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return string.IsNullOrWhiteSpace(session.OnlineUrl) ? (place.Length == 0 ? "Nog niet bekend" : place)
            : place.Length == 0 ? "Online" : place + " (en online)";
    }

    private async Task<string> TrainersAsync(EditionInfo edition, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var email in edition.TrainerEmails)
        {
            names.Add(await users.FindByEmailAsync(email, cancellationToken) is { } account ? account.DisplayName : email);
        }
        return names.Count == 0 ? "Niet opgegeven" : string.Join(", ", names);
    }

    private static string StatusText(AttendanceStatus? status, int? minutes) => status switch
    {
        AttendanceStatus.Present => "Aanwezig",
        AttendanceStatus.Absent => "Afwezig",
        AttendanceStatus.Partial => $"Deels ({minutes} min.)",
        _ => "",
    };
}
