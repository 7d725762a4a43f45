using Academy.Core.Data;
using Academy.Email.Models;

namespace Academy.Email.Migrations;

public sealed class EmailMigration : IDataMigration
{
    public string Module => "Academy.Email";

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(EmailModel.MailTable, EmailModel.NotificationTable),
    ];
}
