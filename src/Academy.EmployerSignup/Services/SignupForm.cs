namespace Academy.EmployerSignup.Services;

/// <summary>One employee row of the sign-up form.</summary>
public sealed class EmployeeInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Function { get; set; }

    public bool IsFilled => !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Function);
}

/// <summary>What the /harrie form posts, kept as typed so a form with errors comes back with every value.</summary>
public sealed class SignupInput
{
    public string? OrganisationName { get; set; }
    public string? KvkNumber { get; set; }
    public string? Street { get; set; }
    public string? Postcode { get; set; }
    public string? Place { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? EditionId { get; set; }
    public List<EmployeeInput> Employees { get; set; } = [];

    public static string Employee(int index, string property) => $"Employees[{index}].{property}";
}

/// <summary>A checked sign-up, normalised and ready to store.</summary>
public sealed record ValidSignup(
    string OrganisationName,
    string KvkNumber,
    string Street,
    string Postcode,
    string Place,
    string ContactName,
    string ContactEmail,
    string? ContactPhone,
    string EditionId,
    IReadOnlyList<(string Name, string Email, string Function)> Employees);

/// <summary>The rules of the sign-up form (everything but seats, which need the database).</summary>
public static class SignupValidator
{
    public static ValidSignup? Validate(SignupInput input, IReadOnlyCollection<string> availableEditionIds, int maxParticipants, FormErrors errors)
    {
        var organisation = Required(input.OrganisationName, nameof(SignupInput.OrganisationName), "de naam van de organisatie", 200, errors);
        if (DutchInput.KvkError(input.KvkNumber, out var kvk) is { } kvkError)
        {
            errors.Add(nameof(SignupInput.KvkNumber), kvkError);
        }
        var street = Required(input.Street, nameof(SignupInput.Street), "de straat en het huisnummer", 200, errors);
        if (street is not null && !DutchInput.HasDigit(street))
        {
            errors.Add(nameof(SignupInput.Street), "Vul ook het huisnummer in, bijvoorbeeld Kadestraat 12.");
        }
        if (DutchInput.PostcodeError(input.Postcode, out var postcode) is { } postcodeError)
        {
            errors.Add(nameof(SignupInput.Postcode), postcodeError);
        }
        var place = Required(input.Place, nameof(SignupInput.Place), "de plaats", 100, errors);

        var contactName = Required(input.ContactName, nameof(SignupInput.ContactName), "de naam van de contactpersoon", 200, errors);
        var contactEmail = Email(input.ContactEmail, nameof(SignupInput.ContactEmail), "de contactpersoon", errors);
        var phone = DutchInput.Trimmed(input.ContactPhone);
        if (phone is not null && !DutchInput.IsPhone(phone))
        {
            errors.Add(nameof(SignupInput.ContactPhone), "Vul een telefoonnummer in van 10 cijfers, zoals 026 123 45 67, of laat het veld leeg.");
        }

        var editionId = DutchInput.Trimmed(input.EditionId);
        if (editionId is null)
        {
            errors.Add(nameof(SignupInput.EditionId), "Kies een groep.");
        }
        else if (!availableEditionIds.Contains(editionId))
        {
            errors.Add(nameof(SignupInput.EditionId), "Deze groep is niet (meer) beschikbaar. Kies een andere groep.");
        }

        var employees = Employees(input, maxParticipants, errors);
        return errors.Any
            ? null
            : new ValidSignup(organisation!, kvk, street!, postcode, place!, contactName!, contactEmail!, phone, editionId!, employees);
    }

    /// <summary>One employee on their own (the swap form): name, e-mail and function, all required.</summary>
    public static (string Name, string Email, string Function)? Employee(EmployeeInput input, FormErrors errors)
    {
        var name = Required(input.Name, nameof(EmployeeInput.Name), "de naam van de nieuwe deelnemer", 200, errors);
        var email = Email(input.Email, nameof(EmployeeInput.Email), "de nieuwe deelnemer", errors);
        var function = Required(input.Function, nameof(EmployeeInput.Function), "de functie van de nieuwe deelnemer", 100, errors);
        return name is null || email is null || function is null ? null : (name, email, function);
    }

    private static List<(string, string, string)> Employees(SignupInput input, int max, FormErrors errors)
    {
        var rows = input.Employees.Select((row, index) => (row, index)).Where(r => r.row.IsFilled).ToList();
        if (rows.Count == 0)
        {
            errors.Add(SignupInput.Employee(0, nameof(EmployeeInput.Name)), "Vul minstens één medewerker in.");
            return [];
        }
        if (rows.Count > max)
        {
            errors.Add(null, $"Je kunt per aanmelding hoogstens {max} medewerkers aanmelden; je vulde er {rows.Count} in.");
        }

        var result = new List<(string, string, string)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, index) in rows)
        {
            var number = index + 1;
            var name = Required(row.Name, SignupInput.Employee(index, nameof(EmployeeInput.Name)), $"de naam van medewerker {number}", 200, errors);
            var email = Email(row.Email, SignupInput.Employee(index, nameof(EmployeeInput.Email)), $"medewerker {number}", errors);
            if (email is not null && !seen.Add(email))
            {
                errors.Add(SignupInput.Employee(index, nameof(EmployeeInput.Email)), $"Het e-mailadres van medewerker {number} staat al bij een andere medewerker. Iedere medewerker heeft een eigen e-mailadres nodig.");
            }
            var function = Required(row.Function, SignupInput.Employee(index, nameof(EmployeeInput.Function)), $"de functie van medewerker {number}", 100, errors);
            if (name is not null && email is not null && function is not null)
            {
                result.Add((name, email, function));
            }
        }
        return result;
    }

    /// <param name="what">What the field holds, in a sentence: "de naam van medewerker 3".</param>
    private static string? Required(string? value, string field, string what, int maxLength, FormErrors errors)
    {
        var text = DutchInput.Trimmed(value);
        if (text is null)
        {
            errors.Add(field, $"Vul {what} in.");
            return null;
        }
        if (text.Length > maxLength)
        {
            errors.Add(field, $"Maak {what} korter: hoogstens {maxLength} tekens.");
            return null;
        }
        return text;
    }

    /// <param name="whose">Whose address it is: "de contactpersoon", "medewerker 3".</param>
    private static string? Email(string? value, string field, string whose, FormErrors errors)
    {
        var text = DutchInput.Trimmed(value);
        if (text is null)
        {
            errors.Add(field, $"Vul het e-mailadres van {whose} in.");
            return null;
        }
        if (!DutchInput.IsEmail(text))
        {
            errors.Add(field, $"Vul een geldig e-mailadres in voor {whose}, zoals naam@bedrijf.nl.");
            return null;
        }
        return text;
    }
}
