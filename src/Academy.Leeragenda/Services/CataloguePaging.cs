namespace Academy.Leeragenda.Services;

/// <summary>Which page links to show: the first, the last and two either side of the current one; null marks a gap.</summary>
public static class CataloguePaging
{
    public static IReadOnlyList<int?> Window(int current, int pageCount, int around = 2)
    {
        var pages = new List<int?>();
        for (var p = 1; p <= pageCount; p++)
        {
            if (p == 1 || p == pageCount || Math.Abs(p - current) <= around)
            {
                pages.Add(p);
            }
            else if (pages.Count > 0 && pages[^1] is not null)
            {
                pages.Add(null);
            }
        }
        return pages;
    }
}
