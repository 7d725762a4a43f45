using Microsoft.AspNetCore.Identity;

namespace Academy.Users.Services;

/// <summary>Identity's validation messages in Dutch.</summary>
public sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), "Er is een onbekende fout opgetreden.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Iemand anders heeft dit account tegelijk gewijzigd. Probeer het opnieuw.");

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), "Het wachtwoord is onjuist.");

    public override IdentityError InvalidToken() =>
        Error(nameof(InvalidToken), "De code of link is ongeldig of verlopen.");

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), "De herstelcode is ongeldig.");

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "Deze externe login is al aan een ander account gekoppeld.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"De gebruikersnaam '{userName}' is ongeldig: gebruik alleen letters, cijfers en de tekens @ . - _ +.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), $"Het e-mailadres '{email}' is ongeldig.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"De gebruikersnaam '{userName}' is al in gebruik.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"Het e-mailadres '{email}' is al in gebruik.");

    public override IdentityError InvalidRoleName(string? role) =>
        Error(nameof(InvalidRoleName), $"De rolnaam '{role}' is ongeldig.");

    public override IdentityError DuplicateRoleName(string role) =>
        Error(nameof(DuplicateRoleName), $"De rol '{role}' bestaat al.");

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), "Deze gebruiker heeft al een wachtwoord.");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "Blokkeren is voor deze gebruiker niet ingeschakeld.");

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), $"De gebruiker heeft de rol '{role}' al.");

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), $"De gebruiker heeft de rol '{role}' niet.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Het wachtwoord moet minstens {length} tekens lang zijn.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet minstens één leesteken of symbool bevatten.");

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "Het wachtwoord moet minstens één cijfer bevatten.");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "Het wachtwoord moet minstens één kleine letter bevatten.");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "Het wachtwoord moet minstens één hoofdletter bevatten.");

    /// <summary>The password (or its word without the digits and signs around it) is on the list of common and leaked passwords.</summary>
    public IdentityError PasswordTooCommon() =>
        Error(nameof(PasswordTooCommon), "Dit wachtwoord wordt veel gebruikt of is eerder uitgelekt, en is daardoor makkelijk te raden. Kies een ander wachtwoord, bijvoorbeeld een zin van een paar woorden.");

    /// <summary>One character repeated, a short repeated pattern or a plain sequence such as abcdefghijkl.</summary>
    public IdentityError PasswordTooSimple() =>
        Error(nameof(PasswordTooSimple), "Dit wachtwoord is te eenvoudig: het herhaalt steeds dezelfde tekens of is een reeks. Kies een ander wachtwoord.");

    /// <summary>The password is the account's e-mail address, user name or name.</summary>
    public IdentityError PasswordIsPersonal() =>
        Error(nameof(PasswordIsPersonal), "Gebruik niet je e-mailadres of je naam als wachtwoord. Kies een ander wachtwoord.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
