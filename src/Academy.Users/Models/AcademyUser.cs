using Microsoft.AspNetCore.Identity;

namespace Academy.Users;

/// <summary>A person with an account: a professional, employer, trainer, coordinator or administrator.</summary>
public class AcademyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The partner organisation the user works for (an <see cref="Organisation"/> Id), if any.</summary>
    public string? OrganisationId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A role; its permissions are role claims of type <c>Permission</c>.</summary>
public class AcademyRole : IdentityRole
{
    public AcademyRole()
    {
    }

    public AcademyRole(string roleName) : base(roleName)
    {
    }

    public string Description { get; set; } = "";
}
