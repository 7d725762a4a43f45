using Academy.Core.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Academy.Email.Services;

/// <summary>Where mail goes: an SMTP server, or the pickup folder. One session serves one dispatcher batch.</summary>
public interface IMailTransport
{
    /// <summary>A human-readable target for logs and the admin page.</summary>
    string Description { get; }

    IMailTransportSession OpenSession();
}

public interface IMailTransportSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, string fileName, CancellationToken cancellationToken);
}

/// <summary>Picks SMTP when Academy:Email:Smtp:Host is set, the pickup folder otherwise.</summary>
public sealed class MailTransportSelector(IOptions<EmailOptions> options, IOptions<AcademyOptions> academy, IConfiguration configuration)
{
    public IMailTransport Transport { get; } = string.IsNullOrWhiteSpace(options.Value.Smtp.Host)
        ? new PickupFolderTransport(Path.Combine(CoreStartup.AppDataPath(academy.Value, configuration), "mail"))
        : new SmtpTransport(options.Value.Smtp);
}

/// <summary>
/// Writes each mail as {fileName}.eml (the file name is the hash part of its Message-Id). Idempotent by Message-Id:
/// a mail whose file exists is not written again, so a re-send after a crash or a lost lease delivers nothing twice.
/// </summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public string Description => $"map {Folder}";

    public IMailTransportSession OpenSession() => new Session(Folder);

    private sealed class Session(string folder) : IMailTransportSession
    {
        public async Task SendAsync(MimeMessage message, string fileName, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, fileName + ".eml");
            if (File.Exists(target))
            {
                return; // handed over before; files are only ever moved in whole, so this one is complete
            }
            // Written aside and moved into place, so a reader never sees half a mail.
            var temp = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():n}.tmp");
            await message.WriteToAsync(temp, cancellationToken);
            try
            {
                File.Move(temp, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                File.Delete(temp); // another node wrote the same mail meanwhile: keep the first
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>MailKit's SMTP client; one connection per session, opened on the first send.</summary>
public sealed class SmtpTransport(SmtpOptions options) : IMailTransport
{
    public string Description => $"smtp://{options.Host}:{options.Port}";

    public IMailTransportSession OpenSession() => new Session(options);

    private static SecureSocketOptions Security(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" or "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    private sealed class Session(SmtpOptions options) : IMailTransportSession
    {
        private SmtpClient? _client;

        public async Task SendAsync(MimeMessage message, string fileName, CancellationToken cancellationToken)
        {
            try
            {
                var client = await ConnectedAsync(cancellationToken);
                await client.SendAsync(message, cancellationToken);
            }
            catch
            {
                // The connection may be broken; the next mail of the batch starts a fresh one.
                await CloseAsync();
                throw;
            }
        }

        private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
        {
            if (_client is { IsConnected: true })
            {
                return _client;
            }
            _client?.Dispose();
            _client = new SmtpClient { Timeout = options.TimeoutMilliseconds };
            await _client.ConnectAsync(options.Host, options.Port, Security(options.Security), ct);
            if (!string.IsNullOrEmpty(options.UserName) && !string.IsNullOrEmpty(options.Password))
            {
                await _client.AuthenticateAsync(options.UserName, options.Password, ct);
            }
            return _client;
        }

        private async Task CloseAsync()
        {
            if (_client is null)
            {
                return;
            }
            try
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception)
            {
                // Closing a broken connection may fail; there is nothing left to do with it.
            }
            _client.Dispose();
            _client = null;
        }

        public async ValueTask DisposeAsync() => await CloseAsync();
    }
}
