using AngleSharp.Html.Parser;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Dashboard;

namespace Academy.Tests.Accreditation.Reports;

/// <summary>The dashboard's figures and privacy rule, and the SVG chart, without a site.</summary>
public class HoursDashboardModelTests
{
    private static readonly RegisterRecord Register = new() { Id = "registerplein", Name = "Registerplein", Prefix = "RP", Digits = 6 };
    private static readonly Dictionary<string, string> Names = new() { ["org-a"] = "Gemeente Arnhem", ["org-b"] = "Rijnstad" };

    private static LedgerFact Fact(string person, decimal hours, string? organisation, string month = "03", string themes = "", long? completed = null) =>
        new("registerplein", person, hours, DateOnly.Parse($"2026-{month}-15"), organisation, LedgerFacts.SplitThemes(themes), completed);

    private static List<LedgerFact> People(int count, string organisation, string month = "03", string themes = "Schulden", long firstEnrolment = 1) =>
        Enumerable.Range(0, count).Select(i => Fact($"{organisation}-{i}", 12, organisation, month, themes, firstEnrolment + i)).ToList();

    private static HoursDashboard Build(IReadOnlyList<LedgerFact> facts) => HoursDashboardQuery.Build(Register, 2026, facts, Names, text => text);

    [Fact]
    public void Groups_of_five_or_more_people_are_shown_and_smaller_ones_suppressed()
    {
        var dashboard = Build([.. People(5, "org-a"), .. People(4, "org-b")]);

        var arnhem = dashboard.ByOrganisation.Groups[0];
        Assert.Equal(("Gemeente Arnhem", 5, 5, 60m, false), (arnhem.Label, arnhem.People, arnhem.Completions, arnhem.Hours, arnhem.Suppressed));
        var rijnstad = dashboard.ByOrganisation.Groups[1];
        Assert.Equal(("Rijnstad", true), (rijnstad.Label, rijnstad.Suppressed));
        // The total (9 people) would reveal Rijnstad's 4 (total minus Arnhem): not shown.
        Assert.Equal(4, dashboard.ByOrganisation.RemainderPeople);
        Assert.False(dashboard.TotalShown);
    }

    [Fact]
    public void The_total_shows_when_the_hidden_groups_together_have_five_people_or_more()
    {
        var dashboard = Build([.. People(6, "org-a"), .. People(3, "org-b", month: "03"), .. People(2, "", month: "03")]);

        Assert.True(dashboard.ByOrganisation.Groups.Count(g => g.Suppressed) == 2);
        Assert.Equal(5, dashboard.ByOrganisation.RemainderPeople);
        Assert.True(dashboard.TotalShown);
        Assert.Equal((11, 132m), (dashboard.Total.People, dashboard.Total.Hours));
        Assert.Contains(dashboard.ByOrganisation.Groups, g => g.Label == "Organisatie onbekend");
    }

    [Fact]
    public void Quarters_are_always_four_and_an_empty_quarter_shows_zero()
    {
        var dashboard = Build([.. People(5, "org-a", month: "02"), .. People(2, "org-a", month: "08")]);

        Assert.Equal(["Kwartaal 1", "Kwartaal 2", "Kwartaal 3", "Kwartaal 4"], dashboard.ByQuarter.Groups.Select(g => g.Label));
        Assert.False(dashboard.ByQuarter.Groups[0].Suppressed);
        Assert.Equal((0, false), (dashboard.ByQuarter.Groups[1].People, dashboard.ByQuarter.Groups[1].Suppressed));
        Assert.True(dashboard.ByQuarter.Groups[2].Suppressed);
        // Seven people in one organisation, but the quarters would give away the two of Q3.
        Assert.False(dashboard.TotalShown);
    }

    [Fact]
    public void Net_hours_include_reversals_and_a_reversed_award_is_no_completion()
    {
        var facts = People(5, "org-a");
        // A reversal of the first person's award: counted where the award was (LedgerFacts attributes it so).
        facts.Add(Fact("org-a-0", -12, "org-a", "03", "Schulden", null));
        facts[0] = facts[0] with { CompletedEnrolmentId = null };

        var dashboard = Build(facts);

        var group = Assert.Single(dashboard.ByOrganisation.Groups);
        Assert.Equal((5, 4, 48m), (group.People, group.Completions, group.Hours));
    }

    [Fact]
    public void Offerings_with_several_themes_count_in_each_and_none_is_zonder_thema()
    {
        var dashboard = Build([.. People(5, "org-a", themes: "Schulden|Jongeren"), .. People(5, "org-b", themes: "")]);

        Assert.Equal(["Jongeren", "Schulden", "Zonder thema"], dashboard.ByTheme.Groups.Select(g => g.Label).Order());
        Assert.All(dashboard.ByTheme.Groups, g => Assert.Equal(5, g.People));
        Assert.True(dashboard.TotalShown);
    }

    [Fact]
    public void Suppressed_groups_come_last_so_not_even_their_rank_shows()
    {
        var small = Enumerable.Range(0, 2).Select(i => Fact($"b-{i}", 500, "org-b")).ToList();
        var dashboard = Build([.. People(5, "org-a"), .. small]);

        Assert.Equal(["Gemeente Arnhem", "Rijnstad"], dashboard.ByOrganisation.Groups.Select(g => g.Label));
    }

    [Fact]
    public void The_svg_chart_is_an_image_with_title_desc_and_text_labels_and_draws_no_hidden_bar()
    {
        var svg = SvgBarChart.Render("grafiek-test", "Uren per <organisatie>", "Staafdiagram & tabel",
            [new ChartBar("Gemeente Arnhem", 60, "60 uren"), new ChartBar("Rijnstad", null, "< 5 deelnemers, niet getoond"), new ChartBar("Leeg", 0, "0 uren")]);

        var document = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        var root = document.QuerySelector("svg")!;
        Assert.Equal("img", root.GetAttribute("role"));
        Assert.Equal("grafiek-test-titel grafiek-test-beschrijving", root.GetAttribute("aria-labelledby"));
        Assert.Equal("Uren per <organisatie>", root.QuerySelector("title")!.TextContent);
        Assert.Equal("Staafdiagram & tabel", root.QuerySelector("desc")!.TextContent);
        Assert.Contains("&lt;organisatie&gt;", svg);
        Assert.Single(root.QuerySelectorAll("rect"));
        var texts = root.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Equal(["Gemeente Arnhem", "60 uren", "Rijnstad", "< 5 deelnemers, niet getoond", "Leeg", "0 uren"], texts);
    }
}
