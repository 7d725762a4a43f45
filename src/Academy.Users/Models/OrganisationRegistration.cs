namespace Academy.Users;

/// <summary>
/// The Chamber of Commerce (KvK) registration of an organisation, for employers who signed up themselves.
/// Kept beside <see cref="Organisation"/> (one row per organisation at most), so the KvK number can be
/// unique and the partner organisations from recipes need none.
/// </summary>
public class OrganisationRegistration
{
    public string OrganisationId { get; set; } = "";
    /// <summary>Eight digits.</summary>
    public string KvkNumber { get; set; } = "";
    /// <summary>Street and house number, postcode and place as the employer entered them.</summary>
    public string? Address { get; set; }
    public DateTime CreatedUtc { get; set; }
}
