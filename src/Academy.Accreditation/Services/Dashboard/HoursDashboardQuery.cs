using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Users.Abstractions;

namespace Academy.Accreditation.Services.Dashboard;

/// <summary>
/// The groups of one breakdown, visible ones by hours (largest first) and then the suppressed ones by name, so
/// not even their rank shows. <see cref="RemainderPeople"/>: people not in any visible group, which a total would reveal.
/// </summary>
public sealed record Breakdown(IReadOnlyList<GroupFigures> Groups, int RemainderPeople)
{
    public bool HasSuppressed => Groups.Any(g => g.Suppressed);
}

/// <summary>Hours and completions of one register in one year, per organisation, per thema and per quarter.</summary>
public sealed record HoursDashboard(
    int Year,
    RegisterRecord Register,
    Breakdown ByOrganisation,
    Breakdown ByTheme,
    Breakdown ByQuarter,
    GroupFigures Total)
{
    /// <summary>
    /// The year's total is shown only when it covers at least 5 people and no breakdown leaves 1–4 people outside
    /// its visible groups: otherwise total minus the visible rows would give away a suppressed group.
    /// </summary>
    public bool TotalShown =>
        !Total.Suppressed
        && new[] { ByOrganisation, ByTheme, ByQuarter }.All(b => !SmallGroups.IsSuppressed(b.RemainderPeople));
}

/// <summary>
/// Builds the dashboard from the ledger. Net hours are the sum of all entries (awards, manual entries and
/// reversals). A completion is an enrolment with an award for the register that is not reversed (from the ledger,
/// because only the ledger carries the organisation and thema snapshot the groups need).
/// </summary>
public sealed class HoursDashboardQuery(LedgerFacts ledger, IOrganisationDirectory organisations)
{
    public async Task<HoursDashboard> BuildAsync(RegisterRecord register, int year, Func<string, string> localize, CancellationToken cancellationToken = default)
    {
        var facts = await ledger.LoadAsync(register.Id, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), cancellationToken);
        var names = (await organisations.ListAsync()).ToDictionary(o => o.Id, o => o.Name);
        return Build(register, year, facts, names, localize);
    }

    public static HoursDashboard Build(RegisterRecord register, int year, IReadOnlyList<LedgerFact> facts,
        IReadOnlyDictionary<string, string> organisationNames, Func<string, string> localize)
    {
        const string none = "";
        var byOrganisation = Group(facts, f => [f.OrganisationId ?? none],
            key => key == none ? localize("Organisatie onbekend") : organisationNames.GetValueOrDefault(key) ?? localize("Organisatie onbekend"),
            fixedKeys: null);
        var byTheme = Group(facts, f => f.Themes.Count == 0 ? [none] : f.Themes,
            key => key == none ? localize("Zonder thema") : key,
            fixedKeys: null);
        var byQuarter = Group(facts, f => [Quarter(f.Date).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            key => string.Format(Academy.Core.Text.DutchFormat.Culture, localize("Kwartaal {0}"), key),
            fixedKeys: ["1", "2", "3", "4"]);
        return new HoursDashboard(year, register, byOrganisation, byTheme, byQuarter, GroupFigures.Of("totaal", localize("Totaal"), facts));
    }

    public static int Quarter(DateOnly date) => (date.Month - 1) / 3 + 1;

    /// <summary>Groups facts by key (a fact may fall in several groups, e.g. themes); <paramref name="fixedKeys"/> are always listed, in order.</summary>
    private static Breakdown Group(IReadOnlyList<LedgerFact> facts, Func<LedgerFact, IReadOnlyList<string>> keys,
        Func<string, string> label, IReadOnlyList<string>? fixedKeys)
    {
        var members = facts.SelectMany(f => keys(f).Select(k => (Key: k, Fact: f))).ToLookup(x => x.Key, x => x.Fact, StringComparer.Ordinal);
        var groupKeys = fixedKeys ?? members.Select(m => m.Key).ToList();
        var groups = groupKeys.Select(k => GroupFigures.Of(k, label(k), members[k])).ToList();
        var ordered = fixedKeys is not null
            ? groups
            : groups.Where(g => !g.Suppressed).OrderByDescending(g => g.Hours).ThenBy(g => g.Label, StringComparer.CurrentCulture)
                .Concat(groups.Where(g => g.Suppressed).OrderBy(g => g.Label, StringComparer.CurrentCulture)).ToList();
        var visible = groups.Where(g => !g.Suppressed).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var remainder = facts.Where(f => !keys(f).Any(visible.Contains)).Select(f => f.PersonKey).Distinct(StringComparer.Ordinal).Count();
        return new Breakdown(ordered, remainder);
    }
}
