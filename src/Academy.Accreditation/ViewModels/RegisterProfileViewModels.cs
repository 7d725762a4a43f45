using Academy.Accreditation.Models;

namespace Academy.Accreditation.ViewModels;

/// <summary>The posted profile form: a number per register id ("Numbers[registerplein]") and the consent checkbox.</summary>
public sealed class RegisterProfileInput
{
    public Dictionary<string, string?> Numbers { get; set; } = [];

    public bool Consent { get; set; }
}

/// <summary>One register's field: the value as typed (or stored), its format hint and its error.</summary>
public sealed record RegisterNumberField(RegisterRecord Register, string Value, string Hint, string? Error)
{
    public string FieldId => "nummer-" + Register.Id;

    public string HintId => FieldId + "-hint";

    public string ErrorId => FieldId + "-fout";

    public string DescribedBy => Error is null ? HintId : $"{ErrorId} {HintId}";
}

public sealed class RegisterProfileViewModel
{
    public required IReadOnlyList<RegisterNumberField> Fields { get; init; }

    /// <summary>The checkbox as shown: stored, or as posted when the form comes back with errors.</summary>
    public required bool Consent { get; init; }

    /// <summary>The consent as saved, which a form with errors has not changed.</summary>
    public required bool StoredConsent { get; init; }

    /// <summary>When the stored consent was last given or withdrawn (null: never saved).</summary>
    public DateTime? ConsentChangedUtc { get; init; }

    public string? Notice { get; init; }

    /// <summary>An error about the whole form (e.g. saved elsewhere at the same moment).</summary>
    public string? FormError { get; init; }

    public bool HasErrors => FormError is not null || Fields.Any(f => f.Error is not null);

    /// <summary>The error summary: the form error first, then the fields in their order, each linking to its field.</summary>
    public IReadOnlyList<(string? TargetId, string Message)> Summary() =>
    [
        .. FormError is null ? Array.Empty<(string?, string)>() : [(null, FormError)],
        .. Fields.Where(f => f.Error is not null).Select(f => ((string?)f.FieldId, f.Error!)),
    ];
}
