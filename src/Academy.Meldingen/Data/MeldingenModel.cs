using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Meldingen.Models;
using Academy.Meldingen.Services;
using Microsoft.EntityFrameworkCore;

namespace Academy.Meldingen.Data;

public sealed class MeldingenModel : IModelContributor
{
    public const string Table = "Meldingen";
    public const string StepsTable = "MeldingSteps";

    public void Configure(ModelBuilder builder)
    {
        builder.Entity<Melding>(b =>
        {
            b.ToTable(Table);
            b.HasKey(m => m.Id);
            b.Property(m => m.Reference).HasMaxLength(20).IsRequired();
            b.HasIndex(m => m.Reference).IsUnique();
            b.Property(m => m.Audience).HasMaxLength(32).IsRequired();
            b.Property(m => m.Topic).HasMaxLength(32).IsRequired();
            b.Property(m => m.Gemeente).HasMaxLength(QuestionForm.MaxGemeenteLength).IsRequired();
            // Stored as text, so the table reads well in a database tool.
            b.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(8);
            b.Property(m => m.Email).HasMaxLength(256);
            b.Property(m => m.Phone).HasMaxLength(30);
            b.Property(m => m.Question).HasMaxLength(QuestionForm.MaxQuestionLength);
            b.Property(m => m.ClaimedByUserId).HasMaxLength(450);
            b.Property(m => m.ClaimedByName).HasMaxLength(200);
            b.Property(m => m.ReferredToId).HasMaxLength(64);
            b.Property(m => m.ReferredToName).HasMaxLength(200);
            b.HasIndex(m => new { m.Status, m.CreatedUtc });
            b.HasIndex(m => m.Email);
        });
        builder.Entity<MeldingStep>(b =>
        {
            b.ToTable(StepsTable);
            b.HasKey(s => s.Id);
            b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(s => s.ActorUserId).HasMaxLength(450);
            b.Property(s => s.ActorName).HasMaxLength(200);
            b.Property(s => s.Text).HasMaxLength(QuestionForm.MaxNoteLength);
            b.HasIndex(s => s.MeldingId);
            b.HasIndex(s => s.ActorUserId);
        });
    }
}

public sealed class MeldingenMigration : IDataMigration
{
    public const string ModuleName = "Academy.Meldingen";

    public string Module => ModuleName;

    public IReadOnlyList<Action<SchemaBuilder>> Steps { get; } =
    [
        s => s.CreateTables(MeldingenModel.Table, MeldingenModel.StepsTable),
        // The Gids role, on new and existing sites (defaults only add permissions to roles that exist).
        s => s.Data(GuideRole.InstallAsync),
        s => s.InstallDefaults(ModuleName, typeof(MeldingenMigration).Assembly),
    ];
}
