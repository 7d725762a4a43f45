namespace Academy.Tests.Platform;

/// <summary>
/// A clock tests set and move by hand, so back-off and due times are checked without waiting. Its timers
/// (Task.Delay with this clock, lease heartbeats) fire only when the clock is moved past their due time,
/// on the thread pool as real timers do.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public ManualClock() : this(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero))
    {
    }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
        FireDue();
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now;
        }
        FireDue();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void FireDue()
    {
        var due = new List<ManualTimer>();
        lock (_gate)
        {
            foreach (var timer in _timers.Where(t => t.DueAt <= _now).ToList())
            {
                due.Add(timer);
                timer.DueAt = timer.Period > TimeSpan.Zero ? _now + timer.Period : null;
                if (timer.DueAt is null)
                {
                    _timers.Remove(timer);
                }
            }
        }
        foreach (var timer in due)
        {
            ThreadPool.QueueUserWorkItem(_ => timer.Callback(timer.State));
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;
        public object? State { get; } = state;
        public DateTimeOffset? DueAt { get; set; }
        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                if (DueAt is not null)
                {
                    clock._timers.Add(this);
                }
            }
            clock.FireDue();
            return true;
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
