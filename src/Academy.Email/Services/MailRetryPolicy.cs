using Academy.Core.Background;

namespace Academy.Email.Services;

/// <summary>
/// When a failed mail is tried again: 1 minute after the first failure, doubling, at most 24 hours apart.
/// When the 24-hour retry fails too (or after the configured maximum of attempts), the mail is a dead letter.
/// </summary>
public static class MailRetryPolicy
{
    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Max = TimeSpan.FromHours(24);

    /// <summary>The wait after <paramref name="failures"/> failed attempts, or null to give up.</summary>
    public static TimeSpan? NextDelay(int failures, int maxAttempts = 0)
    {
        if (maxAttempts > 0 && failures >= maxAttempts)
        {
            return null;
        }
        if (failures > 1 && Backoff.Delay(failures - 1, First, Max) >= Max)
        {
            return null; // the longest wait has been tried and failed as well
        }
        return Backoff.Delay(failures, First, Max);
    }
}
