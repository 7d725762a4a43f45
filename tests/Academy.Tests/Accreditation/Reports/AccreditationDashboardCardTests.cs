using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Dashboard;
using Academy.Core.Contracts;
using Academy.Accreditation.Abstractions;

namespace Academy.Tests.Accreditation.Reports;

/// <summary>The admin dashboard card's figures follow the same small-group rule.</summary>
public class AccreditationDashboardCardTests
{
    private static readonly RegisterRecord[] Registers =
    [
        new() { Id = "registerplein", Name = "Registerplein", Unit = RegisterUnit.Uren },
        new() { Id = "ri", Name = "Re-integratie", Unit = RegisterUnit.Uren },
        new() { Id = "skj", Name = "SKJ", Unit = RegisterUnit.Punten },
    ];

    private static IEnumerable<LedgerFact> People(string registerId, int count, decimal hours) =>
        Enumerable.Range(0, count).Select(i => new LedgerFact(registerId, $"{registerId}-{i}", hours, new DateOnly(2026, 11, 2), null, [], i));

    private static Dictionary<string, string> Card(IEnumerable<LedgerFact> facts, int certificates) =>
        AccreditationDashboardCard.Facts(Registers, facts.ToList(), certificates).ToDictionary(f => f.Label, f => f.Value);

    [Fact]
    public void Sums_per_unit_are_shown_when_every_register_has_five_people_or_none()
    {
        var card = Card([.. People("registerplein", 5, 12), .. People("ri", 6, 1.5m), .. People("skj", 5, 2)], 7);

        Assert.Equal("69", card["Uren toegekend dit kwartaal"]);
        Assert.Equal("10", card["Punten toegekend dit kwartaal"]);
        Assert.Equal("7", card["Certificaten uitgegeven dit kwartaal"]);
    }

    [Fact]
    public void A_register_with_fewer_than_five_people_hides_its_units_sum_and_few_certificates_show_as_less_than_five()
    {
        var card = Card([.. People("registerplein", 5, 12), .. People("ri", 2, 1.5m)], 3);

        Assert.Equal(AccreditationDashboardCard.Hidden, card["Uren toegekend dit kwartaal"]);
        Assert.Equal("0", card["Punten toegekend dit kwartaal"]);
        Assert.Equal("< 5", card["Certificaten uitgegeven dit kwartaal"]);
    }
}
