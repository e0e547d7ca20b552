using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Interactions;

public enum InteractionType { HomeVisit, PhoneCall, Message, OfficeMeeting, Accompaniment, DeskVisit, DetentionVisit, FirstInterview, FollowUpInterview }

public enum AccompanimentTo { Lawyer, Embassy, Court, Administration, Medical }

/// <summary>One contact of the case worker with the family: a home visit, a call, an accompaniment…</summary>
/// <summary>The kinds that are coaching interviews.</summary>
public static class Interviews
{
    public static readonly InteractionType[] Kinds = [InteractionType.FirstInterview, InteractionType.FollowUpInterview];

    public static bool IsInterview(this InteractionType type) => Kinds.Contains(type);
}

public sealed class Interaction : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public InteractionType Type { get; set; }
    public AccompanimentTo? AccompanimentTo { get; set; }
    public DateOnly Date { get; set; }
    public int? DurationMinutes { get; set; }
    /// <summary>Who took part, as the worker writes it ("mother, two children, lawyer").</summary>
    public string? Participants { get; set; }
    /// <summary>ISO 639-1 code of the language used.</summary>
    public string? Language { get; set; }
    public bool InterpreterPresent { get; set; }
    public bool MediatorPresent { get; set; }
    public string? Notes { get; set; }
    public string? NextSteps { get; set; }
    /// <summary>Interviews: what was checked in the legal and administrative file.</summary>
    public string? FileChecked { get; set; }
    /// <summary>Interviews: what is still missing from the file.</summary>
    public string? MissingItems { get; set; }
    /// <summary>Follow-up interviews: the conclusions and information given.</summary>
    public string? Conclusions { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> i)
    {
        i.ToTable("Interactions");
        i.Property(x => x.Participants).HasMaxLength(300);
        i.Property(x => x.Language).HasMaxLength(10);
        i.Property(x => x.FileChecked).HasMaxLength(4000);
        i.Property(x => x.MissingItems).HasMaxLength(4000);
        i.Property(x => x.Conclusions).HasMaxLength(4000);
        i.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        i.HasIndex(x => new { x.CaseId, x.Date, x.Type });
        i.HasIndex(x => new { x.ProgrammeId, x.Type });
        i.Property(x => x.Notes).IsConfidential();
        i.Property(x => x.NextSteps).IsConfidential();
        i.Property(x => x.FileChecked).IsConfidential();
        i.Property(x => x.MissingItems).IsConfidential();
        i.Property(x => x.Conclusions).IsConfidential();
    }
}
