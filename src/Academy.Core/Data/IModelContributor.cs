using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Data;

/// <summary>A module describes the tables it owns; the shared context puts them in one model so a change and its events share a transaction.</summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
