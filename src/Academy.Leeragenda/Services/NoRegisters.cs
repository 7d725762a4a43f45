using Academy.Core.Contracts;
using Academy.Accreditation.Abstractions;

namespace Academy.Leeragenda.Services;

/// <summary>Until an accreditation module provides <see cref="IRegisterDirectory"/>, there are no registers to accredit for.</summary>
public sealed class NoRegisters : IRegisterDirectory
{
    public Task<IReadOnlyList<RegisterSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RegisterSummary>>([]);
}
