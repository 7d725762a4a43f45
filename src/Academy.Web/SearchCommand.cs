using Academy.Search.Abstractions;

namespace Academy.Web;

/// <summary>
/// `dotnet run --project src/Academy.Web -- search rebuild`: builds this node's search index afresh from every source
/// with a progress bar, and switches to it when done (a running site on this node picks the new index up by itself).
/// </summary>
public static class SearchCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args is not ["rebuild", ..])
        {
            Console.Error.WriteLine("Gebruik: search rebuild");
            return 2;
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Academy.Core.Data.SchemaMigrator>().MigrateAsync();
        }
        var index = app.Services.GetRequiredService<ISearchIndexMaintenance>();
        Console.WriteLine($"Zoekindex van {index.NodeName} opnieuw opbouwen ({index.NodeFolder})");
        var bar = new ConsoleProgressBar();
        var started = DateTime.UtcNow;
        if (!await index.RebuildAsync(bar, CancellationToken.None))
        {
            Console.Error.WriteLine("Er loopt al een herbouw van deze index.");
            return 1;
        }
        bar.Complete();
        Console.WriteLine($"Klaar: {index.DocumentCount} documenten in {(DateTime.UtcNow - started).TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>One line redrawn in place on a terminal; a line per tenth when the output is a file or pipe.</summary>
    private sealed class ConsoleProgressBar : IProgress<RebuildProgress>
    {
        private const int Width = 30;
        private int _lastTenth = -1;

        public void Report(RebuildProgress value)
        {
            var expected = Math.Max(1, Math.Max(value.Expected, value.Done));
            var fraction = Math.Min(1.0, value.Done / (double)expected);
            var filled = (int)(fraction * Width);
            var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done} / ~{expected} documenten";
            if (Console.IsOutputRedirected)
            {
                var tenth = (int)(fraction * 10);
                if (tenth != _lastTenth)
                {
                    _lastTenth = tenth;
                    Console.WriteLine(line);
                }
                return;
            }
            Console.Write("\r" + line);
        }

        public void Complete()
        {
            if (!Console.IsOutputRedirected)
            {
                Console.WriteLine();
            }
        }
    }
}
