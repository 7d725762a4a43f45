namespace Academy.Users;

/// <summary>
/// One change to someone's access: a role given or taken, a block, an unblock or an invitation. Holds account ids, not
/// names or addresses, so erasing an account leaves no personal data here (the page shows the current names).
/// </summary>
public class UserAuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>Who made the change; null when the site did (setup, an employer's sign-up).</summary>
    public string? ActorUserId { get; set; }
    /// <summary>Whose access changed.</summary>
    public string SubjectUserId { get; set; } = "";
    /// <summary>One of <see cref="UserAuditActions"/>.</summary>
    public string Action { get; set; } = "";
    /// <summary>The role given or taken; null for the other actions.</summary>
    public string? Role { get; set; }
}

/// <summary>The kinds of <see cref="UserAuditEntry"/>, stored as these names.</summary>
public static class UserAuditActions
{
    public const string RoleAdded = "role-added";
    public const string RoleRemoved = "role-removed";
    public const string Blocked = "blocked";
    public const string Unblocked = "unblocked";
    public const string Invited = "invited";

    public static readonly IReadOnlyList<string> All = [RoleAdded, RoleRemoved, Blocked, Unblocked, Invited];

    /// <summary>The Dutch label on the audit page and its filter.</summary>
    public static string Label(string action) => action switch
    {
        RoleAdded => "Rol gegeven",
        RoleRemoved => "Rol afgenomen",
        Blocked => "Geblokkeerd",
        Unblocked => "Deblokkeerd",
        Invited => "Uitgenodigd",
        _ => action,
    };
}
