namespace Academy.Accreditation.Abstractions;

/// <summary>How a register counts: hours or points.</summary>
public enum RegisterUnit
{
    Uren,
    Punten,
}

/// <summary>A professional register (Registerplein, SKJ, …) as other modules need it: to pick one for an accreditation.</summary>
public sealed record RegisterSummary(string Id, string Name, RegisterUnit Unit);

/// <summary>The configured registers (the Accreditation module provides them; empty without it).</summary>
public interface IRegisterDirectory
{
    Task<IReadOnlyList<RegisterSummary>> ListAsync(CancellationToken cancellationToken = default);
}
