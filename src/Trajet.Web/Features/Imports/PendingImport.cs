using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Imports;

/// <summary>
/// An uploaded file waiting for the coordinator's review: the page checks it, shows what it would create, and imports
/// it when confirmed. Kept in the database so that the confirmation may reach any instance; removed once imported
/// and after a day.
/// </summary>
public sealed class PendingImport
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid ProgrammeId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> p)
    {
        p.ToTable("PendingImports");
        p.Property(x => x.FileName).HasMaxLength(200);
        p.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
