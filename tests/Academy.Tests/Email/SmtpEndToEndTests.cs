using Academy.Core.Contracts;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Academy.Email.Abstractions;

namespace Academy.Tests.Email;

/// <summary>How other modules' tests read mail: compose, queue, drain, and find it at the test SMTP server.</summary>
public sealed class SmtpEndToEndTests
{
    [Fact]
    public async Task A_composed_mail_with_an_attachment_arrives_at_the_smtp_server()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        using var factory = new AcademyFactory();
        smtp.Configure(factory.Settings);
        factory.Settings["Academy:Email:From"] = "leeragenda@example.nl";
        factory.Settings["Academy:Email:FromName"] = "Leeragenda Test";

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var composer = scope.ServiceProvider.GetRequiredService<IMailComposer>();
            var (subject, html, text) = await composer.ComposeAsync(
                "Welkom {{ Input.Name }}", "Beste {{ Input.Name }},\n\nTot **maandag**.",
                new Dictionary<string, object?> { ["Input"] = new Dictionary<string, object?> { ["Name"] = "Ahmed" } });
            await scope.ServiceProvider.GetRequiredService<IMailQueue>().EnqueueAsync(new MailDraft(
                "ahmed@example.nl", "Ahmed", subject, html, text, "welkom-ahmed",
                [new MailAttachment("sessie.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray())]));
            await scope.ServiceProvider.GetRequiredService<Academy.Core.Data.AcademyDbContext>().SaveChangesAsync();
        }
        await factory.DrainBackgroundAsync();

        var mail = Assert.Single(await smtp.MessagesAsync());
        Assert.Equal("ahmed@example.nl", mail.To);
        Assert.Equal("Ahmed", mail.ToName);
        Assert.Equal("leeragenda@example.nl", mail.From);
        Assert.Equal("Welkom Ahmed", mail.Subject);
        Assert.Contains("Tot maandag.", mail.Text); // the text part is text, not Markdown
        Assert.Contains("<strong>maandag</strong>", mail.Html);
        Assert.Equal(["sessie.ics"], mail.AttachmentNames);
        Assert.EndsWith("@localhost", mail.MessageId);
    }
}
