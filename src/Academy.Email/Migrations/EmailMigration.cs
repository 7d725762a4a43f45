using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Email.Models;

namespace Academy.Email.Migrations;

public sealed class EmailMigration : IDataMigration
{
    public const string ModuleName = "Academy.Email";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(EmailModel.MailTable, EmailModel.NotificationTable),
        // Sites from before issue 9 kept one-time links (set password, HARRIE confirmation, approval signals) in sent
        // mails; their text goes, the rest of the record (recipient, subject, when) stays.
        s => s.Sql(ScrubSentOneTimeLinks, ScrubSentOneTimeLinks),
        // Issue 10: the Beheerder role of a site set up before the module existed may manage mail.
        s => s.InstallDefaults(ModuleName, typeof(EmailMigration).Assembly),
        // Issue 13: extra headers (the community's one-click unsubscribe, RFC 8058).
        s => s.AddColumns(EmailModel.MailTable, nameof(MailMessageRecord.HeadersJson)),
    ];

    private const string ScrubbedText = "De inhoud van deze e-mail is na verzending verwijderd, omdat er een eenmalige link in stond.";

    private static readonly string ScrubSentOneTimeLinks =
        $"""
        UPDATE "{EmailModel.MailTable}" SET "Html" = '<p>{ScrubbedText}</p>', "Text" = '{ScrubbedText}'
        WHERE "Status" = 'Sent' AND ("Text" LIKE '%/account/wachtwoord-instellen?%token=%'
            OR "Text" LIKE '%/harrie/bevestigen/%' OR "Text" LIKE '%/workflows/signaal?token=%')
        """;
}
