namespace Academy.Email;

/// <summary>
/// The "Academy:Email" configuration section. Without <c>Smtp:Host</c> mail is written as .eml files to
/// {AppDataPath}/mail/ (the development default); with it, mail goes out over SMTP.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Academy:Email";

    /// <summary>Sender address (Academy:Email:From).</summary>
    public string From { get; set; } = "noreply@leeracademie.local";

    /// <summary>Sender display name (Academy:Email:FromName).</summary>
    public string FromName { get; set; } = "Regionale Leeracademie";

    /// <summary>Mails sent per dispatcher batch over one SMTP connection (Academy:Email:BatchSize).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// Give up (dead letter) after this many failed attempts (Academy:Email:MaxAttempts). 0 means: follow the
    /// back-off schedule (1 minute doubling up to 24 hours) and give up when the 24-hour retry fails too.
    /// </summary>
    public int MaxAttempts { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The "Academy:Email:Smtp" section.</summary>
public sealed class SmtpOptions
{
    /// <summary>SMTP server; empty means "write .eml files instead".</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>"None" (plain), "StartTls" (upgrade, required), "StartTlsWhenAvailable", "SslOnConnect" (implicit TLS, port 465) or "Auto".</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    /// <summary>Optional login; both must be set to authenticate.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Connect and send timeout in milliseconds.</summary>
    public int TimeoutMilliseconds { get; set; } = 30_000;
}
