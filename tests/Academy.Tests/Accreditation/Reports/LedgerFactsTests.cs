using Academy.Accreditation.Services.Dashboard;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Reports.ReportsTestKit;

namespace Academy.Tests.Accreditation.Reports;

/// <summary>How the dashboard reads people from the ledger (the small-group rule depends on counting each person once).</summary>
public sealed class LedgerFactsTests(SqliteReportsSite site) : IClassFixture<SqliteReportsSite>
{
    [Fact]
    public async Task Hours_recorded_before_and_after_someone_had_an_account_are_one_person()
    {
        var factory = site.Factory;
        var register = await RegisterAsync(factory);
        // Four people; the first was signed up by an employer (e-mail only) and later got hours on their account.
        var others = Enumerable.Range(1, 3).Select(i => Person($"Ander {i}")).ToList();
        var withAccount = Person("Eerst Zonder Account");
        var beforeAccount = new Participant(null, withAccount.Name, withAccount.Email);
        await AwardAsync(factory, beforeAccount, register.Id, 4, new DateOnly(2026, 2, 10));
        await AwardAsync(factory, withAccount, register.Id, 2, new DateOnly(2026, 5, 10));
        foreach (var other in others)
        {
            await AwardAsync(factory, other, register.Id, 3, new DateOnly(2026, 3, 10));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var facts = await scope.ServiceProvider.GetRequiredService<LedgerFacts>().LoadAsync(register.Id, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1));
        var dashboard = HoursDashboardQuery.Build(register, 2026, facts, new Dictionary<string, string>(), text => text);

        Assert.Equal(4, facts.Select(f => f.PersonKey).Distinct().Count());
        Assert.Equal(4, dashboard.Total.People);
        Assert.True(dashboard.Total.Suppressed);
        Assert.False(dashboard.TotalShown);
    }
}
