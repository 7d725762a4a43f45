namespace Academy.Core.Background;

/// <summary>Exponential back-off: <c>first</c> after the first failure, doubling, never more than <c>max</c>.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan max)
    {
        if (failures < 1)
        {
            return TimeSpan.Zero;
        }
        // Beyond 2^30 the doubling has long passed any sensible cap; stop before the arithmetic overflows.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ticks = Math.Min(first.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>An exception as one short line for a LastError column.</summary>
    public static string Describe(Exception exception, int maxLength = 2000)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            text += $" --> {inner.GetType().Name}: {inner.Message}";
        }
        return text.Length <= maxLength ? text : text[..maxLength];
    }
}
