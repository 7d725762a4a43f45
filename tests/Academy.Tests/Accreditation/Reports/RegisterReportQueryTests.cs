using Academy.Accreditation.Services.Exports;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Reports.ReportsTestKit;

namespace Academy.Tests.Accreditation.Reports;

/// <summary>Who a register report counts as reportable, beyond what the page tests seed.</summary>
public sealed class RegisterReportQueryTests(SqliteReportsSite site) : IClassFixture<SqliteReportsSite>
{
    [Fact]
    public async Task An_employee_signed_up_by_the_employer_is_reported_with_the_number_and_consent_of_their_account()
    {
        var factory = site.Factory;
        var register = await RegisterAsync(factory);
        var edition = await CreateEditionAsync(factory, Accredit(register.Id, 6, "TR-26-1"));
        var email = $"werknemer-{Guid.NewGuid():n}@example.nl";
        string userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Wendy Werknemer", CreatedUtc = DateTime.UtcNow };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>().CreateAsync(user, AdminTestKit.UserPassword)).Succeeded);
            userId = user.Id;
        }
        // The employer's sign-up carries no account; the employee has one, with a number and consent.
        var signedUp = new Participant(null, "Wendy Werknemer", email);
        var enrolmentId = await EnrolAsync(factory, edition.EditionId, signedUp);
        await AwardAsync(factory, signedUp, register.Id, 6, new DateOnly(2026, 3, 1), enrolmentId, "TR-26-1");
        var account = new Participant(userId, "Wendy Werknemer", email);
        await NumberAsync(factory, account, register.Id, "TR1234");
        await ConsentAsync(factory, account, true);

        await using var read = factory.Services.CreateAsyncScope();
        var report = (await read.ServiceProvider.GetRequiredService<RegisterReportQuery>().ForEditionAsync(edition.EditionId))!.For(register.Id)!;

        var reported = Assert.Single(report.Reportable);
        Assert.Equal(("Wendy Werknemer", "TR1234", 6m), (reported.Name, reported.RegisterNumber, reported.Hours));
        Assert.Empty(report.NotReportable);
    }
}
