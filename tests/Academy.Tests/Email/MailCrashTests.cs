namespace Academy.Tests.Email;

/// <summary>kill -9 of the real site while it sends mail (finding 7 of issue 9), on SQLite.</summary>
public sealed class MailCrashTests
{
    [Fact]
    public async Task After_kill_9_mid_hand_over_the_restarted_site_delivers_every_mail_within_a_minute_each_message_id_once() =>
        await MailCrashScenario.RunAsync(null);
}
