namespace Academy.Users;

/// <summary>
/// One signed-in browser: the auth cookie carries <see cref="Id"/>, and the cookie only counts while this row
/// exists. Logging out deletes the row, so a copied cookie is worthless afterwards on every web node.
/// </summary>
public class UserSession
{
    /// <summary>Random; not a secret on its own (the cookie around it is encrypted with the site's keys).</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    /// <summary>Updated at most every few minutes, so stale rows can be removed.</summary>
    public DateTime LastSeenUtc { get; set; }
}

/// <summary>
/// One wrong password. Kept for the failure window only. The login name and client address are stored as
/// hashes: the rows are compared, never read back.
/// </summary>
public class LoginFailure
{
    public long Id { get; set; }
    /// <summary>Hash of the normalized e-mail address or user name as typed (known account or not).</summary>
    public string LoginKey { get; set; } = "";
    /// <summary>Hash of the login key and the client's address (IPv4, or IPv6 /64).</summary>
    public string ClientKey { get; set; } = "";
    public DateTime FailedUtc { get; set; }
}
