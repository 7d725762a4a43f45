using Academy.Core.Data;
using System.Globalization;
using System.Text;

namespace Academy.Leeragenda.Services;

/// <summary>One VEVENT of a calendar file; times are UTC.</summary>
public sealed record IcsEvent(
    string Uid,
    DateTime StartUtc,
    DateTime EndUtc,
    DateTime StampUtc,
    string Summary,
    string? Location,
    string? Description,
    string? Url,
    IReadOnlyList<string>? Categories = null);

/// <summary>
/// Writes iCalendar (RFC 5545) text: CRLF line ends, content lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped, all times in UTC ("Z").
/// </summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<IcsEvent> events)
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Regionale Leeracademie//Leeragenda//NL");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Text(calendarName));
        Line(ics, "X-WR-TIMEZONE:Europe/Amsterdam");
        foreach (var e in events)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, "UID:" + Text(e.Uid));
            Line(ics, "DTSTAMP:" + Stamp(e.StampUtc));
            Line(ics, "DTSTART:" + Stamp(e.StartUtc));
            Line(ics, "DTEND:" + Stamp(e.EndUtc));
            Line(ics, "SUMMARY:" + Text(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                Line(ics, "LOCATION:" + Text(e.Location));
            }
            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                Line(ics, "DESCRIPTION:" + Text(e.Description));
            }
            if (!string.IsNullOrWhiteSpace(e.Url))
            {
                Line(ics, "URL:" + e.Url);
            }
            if (e.Categories is { Count: > 0 } categories)
            {
                Line(ics, "CATEGORIES:" + string.Join(",", categories.Select(Text)));
            }
            Line(ics, "STATUS:CONFIRMED");
            Line(ics, "TRANSP:OPAQUE");
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    public static string Stamp(DateTime utc) =>
        UtcDates.AsUtc(utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Escapes a TEXT value: backslash, semicolon, comma and line breaks.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case ';': builder.Append("\\;"); break;
                case ',': builder.Append("\\,"); break;
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }
                    builder.Append("\\n");
                    break;
                case '\n': builder.Append("\\n"); break;
                default:
                    // Other control characters are not allowed in TEXT.
                    if (!char.IsControl(c) || c == '\t')
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Appends a content line folded at 75 octets (continuation lines start with one space) and CRLF.</summary>
    public static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space counts
            }
            ics.Append(line, i, length);
            octets += size;
            i += length;
        }
        ics.Append("\r\n");
    }
}
