namespace Academy.Community.Services;

/// <summary>The "Academy:Community" configuration section (README, configuration table).</summary>
public sealed class CommunityOptions
{
    public const string Section = "Academy:Community";

    /// <summary>Offering content types (comma-separated) whose editions get a hidden casuïstiek group: the privacy guard applies.</summary>
    public string CaseReviewTypes { get; set; } = "Casuistiekbespreking";

    /// <summary>Offering content types (comma-separated) whose editions get a hidden group of the kind themagroep.</summary>
    public string PeerReviewTypes { get; set; } = "Intervisie";

    /// <summary>The slug of the group offered to alumni of <see cref="AlumniOfferingId"/> (the recipe seeds it).</summary>
    public string AlumniGroupSlug { get; set; } = "harrie-alumni";

    /// <summary>The content item id of the training whose alumni are welcome in <see cref="AlumniGroupSlug"/> (HARRIE).</summary>
    public string AlumniOfferingId { get; set; } = "harrie-training";

    public static IReadOnlyList<string> List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
