using System.Reflection;
using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.Tests.Accreditation.Ledger;
using Academy.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Architecture;

/// <summary>
/// A module that keeps a table with a person's account id or e-mail address must register an
/// <see cref="IPersonalDataProvider"/>, so "mijn gegevens" and account deletion cannot forget it. The EF model is
/// scanned, so a module added later is checked without touching this file.
/// </summary>
public sealed class PersonalDataProviderTests(SqliteLedgerSite site) : IClassFixture<SqliteLedgerSite>
{
    [Fact]
    public async Task Every_module_with_a_user_id_or_email_column_registers_a_provider()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var providers = scope.ServiceProvider.GetServices<IPersonalDataProvider>().ToList();
        var covered = providers.Select(p => p.GetType().Assembly).ToHashSet();

        var personal = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null)
            .Select(t => (Table: t.GetTableName()!, Module: ModuleOf(t.ClrType), Columns: t.GetProperties().Select(p => p.GetColumnName()).Where(IsPersonal).ToList()))
            .Where(t => t.Columns.Count > 0)
            .ToList();

        // Guards the scan against finding nothing (renamed columns, a changed model).
        Assert.Contains(personal, t => t.Table == "Enrolments");
        Assert.Contains(personal, t => t.Table == "AspNetUsers");
        Assert.Contains(personal, t => t.Table == "EmployerContacts");
        var missing = personal.Where(t => !covered.Contains(t.Module))
            .Select(t => $"{t.Module.GetName().Name}: table {t.Table} ({string.Join(", ", t.Columns)})").ToList();
        Assert.True(missing.Count == 0, "Modules with personal data but no IPersonalDataProvider:\n" + string.Join('\n', missing));
        Assert.Equal(providers.Count, providers.Select(p => p.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("UserId", true)]
    [InlineData("ContactUserId", true)]
    [InlineData("ParticipantEmail", true)]
    [InlineData("Email", true)]
    [InlineData("NormalizedEmail", true)]
    [InlineData("ParticipantId", true)]
    [InlineData("EditionId", false)]
    [InlineData("EmailTemplate", false)]
    public void Personal_columns_are_recognised_by_name(string column, bool personal) => Assert.Equal(personal, IsPersonal(column));

    private static bool IsPersonal(string column) =>
        column.EndsWith("UserId", StringComparison.Ordinal) || column.EndsWith("Email", StringComparison.Ordinal)
        || column.Contains("Participant", StringComparison.Ordinal) && column.EndsWith("Id", StringComparison.Ordinal);

    /// <summary>The module that maps the type: its own assembly, or Users for ASP.NET Core Identity's types (UsersModel maps them).</summary>
    private static Assembly ModuleOf(Type type) =>
        type.Assembly.GetName().Name!.StartsWith("Academy.", StringComparison.Ordinal) ? type.Assembly : typeof(AcademyUser).Assembly;
}
