using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Text;
using Academy.Leeragenda.Models;

namespace Academy.Leeragenda.Editors;

/// <summary>The groups and their sessions from the posted form into the item's EditionsPart, with a Dutch message per field that does not parse.</summary>
public sealed partial class EditionsPartDriver
{
    protected override Task UpdateAsync(EditionsPartInput form, ContentItem item, FormErrors errors)
    {
        _editionRows.Clear();
        _sessionRows.Clear();
        var part = new EditionsPart();
        var editions = form.Editions ?? [];
        for (var e = 0; e < editions.Count; e++)
        {
            var input = editions[e];
            if (input.IsBlank)
            {
                continue;
            }
            var edition = new Edition
            {
                EditionId = input.EditionId?.Trim() ?? "",
                Name = input.Name?.Trim() ?? "",
            };
            if (edition.EditionId.Length > MaxEditionIdLength)
            {
                errors.Add(null, T["Een groep heeft een ongeldige id."]);
                edition.EditionId = "";
            }
            if (edition.Name.Length > MaxEditionNameLength)
            {
                errors.Add(Edition(e, "Name"), T["De naam van de groep is te lang (maximaal {0} tekens).", MaxEditionNameLength]);
            }
            if (string.IsNullOrWhiteSpace(input.Capacity))
            {
                errors.Add(Edition(e, "Capacity"), T["Vul het aantal plaatsen in."]);
                edition.Capacity = 1;
            }
            else if (!DutchInput.TryParseInt(input.Capacity, out var capacity))
            {
                errors.Add(Edition(e, "Capacity"), T["Het aantal plaatsen moet een heel getal zijn, bijvoorbeeld 12."]);
                edition.Capacity = 1;
            }
            else
            {
                edition.Capacity = capacity;
            }
            edition.TrainerEmails = ParseTrainerEmails(input.TrainerEmails, Edition(e, "TrainerEmails"), errors);

            var sessionMap = new List<int>();
            var sessions = input.Sessions ?? [];
            for (var s = 0; s < sessions.Count; s++)
            {
                var sessionInput = sessions[s];
                if (sessionInput.IsBlank)
                {
                    continue;
                }
                edition.Sessions.Add(ParseSession(sessionInput, e, s, errors));
                sessionMap.Add(s);
            }
            part.Editions.Add(edition);
            _editionRows.Add(e);
            _sessionRows.Add(sessionMap);
        }
        item.Apply(part);
        return Task.CompletedTask;
    }

    /// <summary>E-mail addresses one per line or separated by commas (or semicolons), lower-cased, each once, in the order given.</summary>
    private List<string> ParseTrainerEmails(string? text, string field, FormErrors errors)
    {
        var entries = (text ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var emails = entries.Select(e => e.ToLowerInvariant()).Distinct().ToList();
        if (entries.FirstOrDefault(e => !DutchInput.IsEmail(e)) is { } bad)
        {
            errors.Add(field, T["'{0}' is geen geldig e-mailadres. Vul de e-mailadressen van de trainers in, één per regel, bijvoorbeeld trainer@example.nl.", bad]);
            return [];
        }
        if (emails.Count > MaxTrainersPerEdition)
        {
            errors.Add(field, T["Vul hoogstens {0} trainers per groep in.", MaxTrainersPerEdition]);
            return [];
        }
        return emails;
    }

    private Session ParseSession(SessionInput input, int e, int s, FormErrors errors)
    {
        var session = new Session
        {
            SessionId = input.SessionId?.Trim() ?? "",
            Location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim(),
            Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim(),
            OnlineUrl = string.IsNullOrWhiteSpace(input.OnlineUrl) ? null : input.OnlineUrl.Trim(),
        };
        if (session.SessionId.Length > MaxSessionIdLength)
        {
            errors.Add(null, T["Een bijeenkomst heeft een ongeldige id."]);
            session.SessionId = "";
        }
        if (session.Place?.Length > MaxPlaceLength)
        {
            errors.Add(Session(e, s, "Place"), T["De plaatsnaam is te lang (maximaal {0} tekens).", MaxPlaceLength]);
        }
        if (session.Location?.Length > MaxLocationLength)
        {
            errors.Add(Session(e, s, "Location"), T["De locatie is te lang (maximaal {0} tekens).", MaxLocationLength]);
        }

        var dateOk = false;
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add(Session(e, s, "Date"), T["Vul de datum van de bijeenkomst in, bijvoorbeeld 15-09-2026."]);
        }
        else if (!(dateOk = DutchInput.TryParseDate(input.Date, out date)))
        {
            errors.Add(Session(e, s, "Date"), T["De datum '{0}' bestaat niet. Vul de datum in als dd-mm-jjjj, bijvoorbeeld 15-09-2026.", input.Date.Trim()]);
        }
        var start = ParseTime(input.StartTime, Session(e, s, "StartTime"), T["begintijd"], errors);
        var end = ParseTime(input.EndTime, Session(e, s, "EndTime"), T["eindtijd"], errors);
        var endDate = date;
        var endDateOk = true;
        if (!string.IsNullOrWhiteSpace(input.EndDate) && !(endDateOk = DutchInput.TryParseDate(input.EndDate, out endDate)))
        {
            errors.Add(Session(e, s, "EndDate"), T["De einddatum '{0}' bestaat niet. Vul de datum in als dd-mm-jjjj, of laat het veld leeg als de bijeenkomst op dezelfde dag eindigt.", input.EndDate.Trim()]);
        }
        else if (string.IsNullOrWhiteSpace(input.EndDate))
        {
            endDate = date;
        }

        // Placeholders that pass the model's checks, so only the real problem is reported.
        session.Start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        session.End = session.Start.AddHours(1);
        if (dateOk && endDateOk && start is { } startTime && end is { } endTime)
        {
            var startOk = DutchInput.TryToUtc(date, startTime, out var startUtc);
            var endOk = DutchInput.TryToUtc(endDate, endTime, out var endUtc);
            if (!startOk)
            {
                errors.Add(Session(e, s, "StartTime"), T["De begintijd bestaat niet op deze dag: de klok gaat dan een uur vooruit."]);
            }
            if (!endOk)
            {
                errors.Add(Session(e, s, "EndTime"), T["De eindtijd bestaat niet op deze dag: de klok gaat dan een uur vooruit."]);
            }
            if (startOk && endOk)
            {
                session.Start = startUtc;
                session.End = endUtc;
            }
        }
        return session;
    }

    private TimeOnly? ParseTime(string? text, string field, string what, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, T["Vul de {0} in, bijvoorbeeld 09:30.", what]);
            return null;
        }
        if (!DutchInput.TryParseTime(text, out var time))
        {
            errors.Add(field, T["De {0} '{1}' is geen geldige tijd. Vul de tijd in als uu:mm, bijvoorbeeld 09:30.", what, text.Trim()]);
            return null;
        }
        return time;
    }
}
