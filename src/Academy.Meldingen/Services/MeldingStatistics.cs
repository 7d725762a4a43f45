using System.Globalization;
using Academy.Core.Exports;
using Academy.Core.Recipes;
using Academy.Meldingen.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Meldingen.Services;

/// <summary>One bar of a chart: its label and count; <see cref="Shown"/> is what may be published ("&lt; 5" for 1–4).</summary>
public sealed record Bar(string Label, int Count)
{
    public bool Suppressed => Count is > 0 and < MeldingStatistics.SuppressBelow;

    public string Shown => Suppressed ? $"< {MeldingStatistics.SuppressBelow}" : Count.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A chart and its table: a title and its bars.</summary>
public sealed record Breakdown(string Key, string Title, IReadOnlyList<Bar> Bars);

/// <summary>The dashboard's figures for one range of time.</summary>
public sealed record MeldingFigures(string Period, DateOnly From, DateOnly To, Bar Total, IReadOnlyList<Breakdown> Breakdowns);

/// <summary>
/// Anonymous counts of meldingen for the dashboard and its CSV: per week or month and by topic, audience, gemeente and
/// referral. Only the dimensions are read (never contact details or questions), so the figures stay the same after
/// retention erased the personal data. Counts of 1 to 4 are published as "&lt; 5", so no single asker stands out.
/// </summary>
public sealed class MeldingStatistics(Core.Data.AcademyDbContext db, TimeProvider clock)
{
    public const int SuppressBelow = 5;
    public const string Months = "maand";
    public const string Weeks = "week";
    public const int Periods = 12;

    public async Task<MeldingFigures> GetAsync(string? period, CancellationToken cancellationToken = default)
    {
        period = period == Weeks ? Weeks : Months;
        var today = AmsterdamTime.Today(clock);
        var buckets = Buckets(period, today);
        var from = buckets[0];
        var fromUtc = AmsterdamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var rows = await db.Set<Melding>().AsNoTracking()
            .Where(m => m.CreatedUtc >= fromUtc)
            .Select(m => new { m.CreatedUtc, m.Audience, m.Topic, m.Gemeente, m.ReferredToName })
            .ToListAsync(cancellationToken);
        var starts = rows.Select(r => BucketOf(period, DateOnly.FromDateTime(AmsterdamTime.ToLocal(Core.Data.UtcDates.AsUtc(r.CreatedUtc))))).ToList();

        var perPeriod = buckets.Select(b => new Bar(PeriodLabel(period, b), starts.Count(s => s == b))).ToList();
        var topics = MeldingChoices.Topics.Select(t => new Bar(t.Text, rows.Count(r => r.Topic == t.Key))).ToList();
        var audiences = MeldingChoices.Audiences.Select(a => new Bar(MeldingChoices.AudienceName(a.Key), rows.Count(r => r.Audience == a.Key))).ToList();
        var gemeenten = Counted(rows.Select(r => r.Gemeente));
        var referrals = Counted(rows.Select(r => r.ReferredToName ?? "Niet doorverwezen"));
        return new MeldingFigures(period, from, today, new Bar("Totaal", rows.Count),
        [
            new("periode", period == Weeks ? "Meldingen per week" : "Meldingen per maand", perPeriod),
            new("vraag", "Soort vraag", topics),
            new("doelgroep", "Wie vraagt", audiences),
            new("gemeente", "Gemeente", gemeenten),
            new("doorverwijzing", "Doorverwezen naar", referrals),
        ]);
    }

    /// <summary>The figures as CSV (dimension, value, count) with the same suppression; no personal data.</summary>
    public static byte[] Csv(MeldingFigures figures)
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "totaal", "Totaal", figures.Total.Shown } };
        rows.AddRange(figures.Breakdowns.SelectMany(b => b.Bars.Select(bar => (IReadOnlyList<string>)[b.Key, bar.Label, bar.Shown])));
        return SheetFiles.Csv(new TextSheet(["onderdeel", "waarde", "aantal"], rows));
    }

    private static List<Bar> Counted(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).Select(g => new Bar(g.Key, g.Count()))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();

    private static List<DateOnly> Buckets(string period, DateOnly today)
    {
        var last = BucketOf(period, today);
        return Enumerable.Range(0, Periods).Reverse()
            .Select(i => period == Weeks ? last.AddDays(-7 * i) : last.AddMonths(-i)).ToList();
    }

    /// <summary>The first day of the week (Monday) or month that <paramref name="day"/> is in.</summary>
    private static DateOnly BucketOf(string period, DateOnly day) => period == Weeks
        ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7))
        : new DateOnly(day.Year, day.Month, 1);

    private static string PeriodLabel(string period, DateOnly start) => period == Weeks
        ? string.Create(CultureInfo.InvariantCulture, $"week {ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue))} {ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}")
        : start.ToString("MMM yyyy", Core.Hosting.AcademyHost.Dutch).Replace(".", "", StringComparison.Ordinal);
}
