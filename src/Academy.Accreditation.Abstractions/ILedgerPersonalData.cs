namespace Academy.Accreditation.Abstractions;

/// <summary>
/// The personal data the accreditation module keeps about someone (name, e-mail address, account id, register
/// numbers and consent), for account deletion and erasure requests. The hours and certificates stay, so totals,
/// register exports and the public certificate check stay consistent; they just no longer say whose they were.
/// </summary>
public interface ILedgerPersonalData
{
    /// <summary>
    /// Anonymises the account's person and any person recorded under <paramref name="email"/> without an account,
    /// and removes the account's register numbers and consent. Added to the caller's unit of work (the caller saves,
    /// e.g. together with deleting the account). Returns how many people were anonymised.
    /// </summary>
    Task<int> AnonymiseAsync(string? userId, string? email, CancellationToken cancellationToken = default);
}
