using System.Security.Cryptography;
using System.Text;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Academy.Email.Abstractions;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Email;

/// <summary>The mail queue: in the caller's unit of work, once per idempotency key, with a stable Message-Id.</summary>
public sealed class MailQueueTests(EmailSite site) : IClassFixture<EmailSite>
{
    private readonly AcademyFactory factory = site.Factory;

    [Fact]
    public async Task A_key_is_queued_once_within_a_unit_of_work_and_across_them()
    {
        var key = "idem-" + Guid.NewGuid().ToString("n");
        await QueueAsync(factory.Services, Draft(key), Draft(key));
        await QueueAsync(factory.Services, Draft(key), Draft(key + "-other"));

        var mails = (await MailsAsync(factory.Services)).Where(m => m.IdempotencyKey.StartsWith(key)).ToList();
        Assert.Equal(2, mails.Count);
        var mail = mails.Single(m => m.IdempotencyKey == key);
        Assert.Equal(MailStatus.Queued, mail.Status);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        Assert.Equal($"{hash}@localhost", mail.MessageId);
    }

    [Fact]
    public async Task Many_at_once_skip_the_keys_queued_before_those_added_earlier_in_the_unit_and_repeats_within_the_batch()
    {
        var key = "many-" + Guid.NewGuid().ToString("n");
        await QueueAsync(factory.Services, Draft(key + "-old"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IMailQueue>();
            await queue.EnqueueAsync(Draft(key + "-earlier"));
            // 1,200 new keys: more than one look-up batch, with the old, the earlier and a repeated key among them.
            var drafts = Enumerable.Range(0, 1200).Select(i => Draft($"{key}-{i}"))
                .Append(Draft(key + "-old")).Append(Draft(key + "-earlier")).Append(Draft(key + "-7", "ander@example.nl")).ToList();
            await queue.EnqueueManyAsync(drafts);
            await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
        }

        var mails = (await MailsAsync(factory.Services)).Where(m => m.IdempotencyKey.StartsWith(key + "-", StringComparison.Ordinal)).ToList();
        Assert.Equal(1202, mails.Count);
        Assert.Equal(mails.Count, mails.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.Equal("deelnemer@example.nl", mails.Single(m => m.IdempotencyKey == key + "-7").To);
    }

    [Fact]
    public async Task Nothing_is_queued_when_the_callers_unit_of_work_is_not_saved()
    {
        var key = "rollback-" + Guid.NewGuid().ToString("n");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMailQueue>().EnqueueAsync(Draft(key));
            var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        Assert.DoesNotContain(await MailsAsync(factory.Services), m => m.IdempotencyKey == key);
    }
}

/// <summary>One in-process site (SQLite) writing mail to its pickup folder, shared by a test class.</summary>
public sealed class EmailSite : IDisposable
{
    public AcademyFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
