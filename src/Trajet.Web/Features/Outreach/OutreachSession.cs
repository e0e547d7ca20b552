using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Outreach;

public enum SessionKind { Permanence, AdHocInterview, OutdoorRound }

/// <summary>A structural permanence, an ad hoc interview or an outdoor round (maraude) at one place on one day.</summary>
public sealed class OutreachSession : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public SessionKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public Guid PlaceId { get; set; }
    public OutreachPlace? Place { get; set; }
    /// <summary>ISO 639-1 codes of the languages the team could speak that day, comma-separated.</summary>
    public string Languages { get; set; } = "";
    public string? Notes { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
    public List<OutreachSessionWorker> Workers { get; set; } = [];
}

/// <summary>A team member on the session; mediators are flagged, as their presence is what the lessons count.</summary>
public sealed class OutreachSessionWorker
{
    public Guid SessionId { get; set; }
    public Guid UserId { get; set; }
    public bool IsMediator { get; set; }
}

public sealed class OutreachSessionConfiguration : IEntityTypeConfiguration<OutreachSession>
{
    public void Configure(EntityTypeBuilder<OutreachSession> s)
    {
        s.ToTable("OutreachSessions");
        s.Property(x => x.Languages).HasMaxLength(100);
        s.Property(x => x.Notes).HasMaxLength(1000);
        s.HasOne(x => x.Place).WithMany().HasForeignKey(x => x.PlaceId).OnDelete(DeleteBehavior.Restrict);
        s.HasMany(x => x.Workers).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => new { x.ProgrammeId, x.Date });
        s.HasIndex(x => x.PlaceId);
        s.Property(x => x.Notes).IsConfidential();
    }
}

public sealed class OutreachSessionWorkerConfiguration : IEntityTypeConfiguration<OutreachSessionWorker>
{
    public void Configure(EntityTypeBuilder<OutreachSessionWorker> w)
    {
        w.ToTable("OutreachSessionWorkers");
        w.HasKey(x => new { x.SessionId, x.UserId });
        w.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        w.HasIndex(x => x.UserId);
    }
}
