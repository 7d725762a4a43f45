using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Leeragenda.Models;
using Academy.Testing;

namespace Academy.Tests.Leeragenda;

/// <summary>Recipes and other writers that bypass the aanbod form get the same accreditation and completion rules.</summary>
public sealed class OfferingAccreditationValidationTests(SqliteLeeragendaSite site) : IClassFixture<SqliteLeeragendaSite>
{
    [Fact]
    public async Task A_valid_accreditation_and_percentage_rule_are_saved()
    {
        var created = await CreateAsync(new AccreditationPart
        {
            CompletionRule = CompletionRuleKind.MinimumPercent,
            CompletionPercent = 80,
            Accreditations = [new() { RegisterId = "registerplein", Hours = 1.5m, ValidFrom = new(2026, 1, 1), ValidTo = new(2026, 12, 31) }],
        });
        Assert.NotEmpty(created.OfferingId);
    }

    [Theory]
    [InlineData("onbekend", 2, null, "Onbekend register 'onbekend'.")]
    [InlineData("registerplein", 0, null, "Het aantal uren of punten ligt tussen 0 en 1000 (hoogstens twee decimalen).")]
    [InlineData("registerplein", 1.255, null, "Het aantal uren of punten ligt tussen 0 en 1000 (hoogstens twee decimalen).")]
    [InlineData("registerplein", 2, 2027, "'Geldig vanaf' ligt na 'geldig tot en met'.")]
    public async Task A_bad_accreditation_is_refused_with_a_dutch_message(string registerId, double hours, int? fromYear, string message)
    {
        var offering = new AccreditationPart
        {
            Accreditations =
            [
                new()
                {
                    RegisterId = registerId,
                    Hours = (decimal)hours,
                    ValidFrom = fromYear is { } year ? new DateOnly(year, 1, 1) : null,
                    ValidTo = fromYear is null ? null : new DateOnly(2026, 12, 31),
                },
            ],
        };
        var error = await Assert.ThrowsAsync<ContentValidationException>(() => CreateAsync(offering));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_register_twice_and_a_percentage_rule_without_percentage_are_refused()
    {
        var error = await Assert.ThrowsAsync<ContentValidationException>(() => CreateAsync(new AccreditationPart
        {
            CompletionRule = CompletionRuleKind.MinimumPercent,
            Accreditations = [new() { RegisterId = "skj", Hours = 2 }, new() { RegisterId = "skj", Hours = 3 }],
        }));
        Assert.Contains("Het register 'skj' staat twee keer bij de accreditaties.", error.Message);
        Assert.Contains("Geef bij 'minimaal een percentage aanwezig' een percentage van 1 tot en met 100.", error.Message);
    }

    private Task<TestOffering> CreateAsync(AccreditationPart accreditation) =>
        TestOfferings.CreateAsync(site.Factory.Services, new OfferingPart { Summary = "Test." }, TestOfferings.DaysFromNow(30), TimeSpan.FromHours(2),
            capacity: 10, parts: [accreditation]);
}
