namespace Academy.Leeragenda.Abstractions;

/// <summary>A published offering with its next upcoming session, as other modules (the home page) may show it.</summary>
/// <param name="Url">Site-relative URL of the offering's page.</param>
/// <param name="Form">fysiek, online or hybride.</param>
public sealed record UpcomingOffering(
    string ContentItemId,
    string Title,
    string Url,
    string TypeName,
    string Summary,
    DateTime NextStartUtc,
    DateTime NextEndUtc,
    IReadOnlyList<string> Places,
    bool HasOnlineSessions,
    string Form,
    decimal CostEuros,
    string? OrganiserName);

/// <summary>How an offering is given: the values of <see cref="UpcomingOffering.Form"/> and their Dutch labels.</summary>
public static class OfferingForms
{
    public static string Label(string? form) => form?.ToLowerInvariant() switch
    {
        "online" => "Online",
        "hybride" => "Hybride",
        _ => "Fysiek",
    };
}

/// <summary>The leeragenda's next offerings (the Leeragenda module provides it).</summary>
public interface IUpcomingOfferings
{
    Task<IReadOnlyList<UpcomingOffering>> NextAsync(int count, CancellationToken cancellationToken = default);
}

/// <summary>Upcoming published offerings of some themes (a community group's "Uit de leeragenda"; the Leeragenda module provides it).</summary>
public interface IThemeOfferings
{
    /// <summary>At most <paramref name="count"/> offerings with one of the "thema" terms <paramref name="themeIds"/>, the soonest first.</summary>
    Task<IReadOnlyList<UpcomingOffering>> ForThemesAsync(IReadOnlyCollection<string> themeIds, int count, CancellationToken cancellationToken = default);
}
