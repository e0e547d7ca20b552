using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Documents;

public enum DocumentType { IdentityPaper, Decision, SupportLetter, SchoolCertificate, LaissezPasser, Other }

/// <summary>One paper of the case: an identity paper, a decision, a support letter…, with an optional scanned file.</summary>
public sealed class CaseDocument : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public DocumentType Type { get; set; }
    public string Title { get; set; } = "";
    public DateOnly IssueDate { get; set; }
    /// <summary>The last day the paper is valid, when it says so; otherwise its type may give a default validity.</summary>
    public DateOnly? ExpiryDate { get; set; }
    public string? Notes { get; set; }
    /// <summary>The random name of the stored file (never the client's name); null when no file was uploaded.</summary>
    public string? FileKey { get; set; }
    /// <summary>The client's file name, sanitised, only for the download's Content-Disposition.</summary>
    public string? FileName { get; set; }
    /// <summary>The type recognised from the content, not the one the client declared.</summary>
    public string? ContentType { get; set; }
    public long? FileSize { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> d)
    {
        d.ToTable("CaseDocuments");
        d.Property(x => x.Title).HasMaxLength(200);
        d.Property(x => x.FileKey).HasMaxLength(32);
        d.Property(x => x.FileName).HasMaxLength(120);
        d.Property(x => x.ContentType).HasMaxLength(100);
        d.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => new { x.CaseId, x.IssueDate });
        d.Property(x => x.Notes).IsConfidential();
    }
}
