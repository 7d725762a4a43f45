namespace Academy.Accreditation.Services.Ledger;

/// <summary>
/// Whose hours: their account when they have one, else their e-mail address (an employee signed up by an employer).
/// Entries without an account count for the account with the same e-mail address.
/// </summary>
public sealed record LedgerPerson
{
    public LedgerPerson(string? userId, string email, string name)
    {
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        Email = email.Trim().ToLowerInvariant();
        Name = name.Trim();
    }

    public string? UserId { get; }
    public string Email { get; }
    public string Name { get; }
}
