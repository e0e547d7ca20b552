using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Documents;

/// <summary>
/// One chunk of an uploaded file kept in the database (<see cref="DatabaseDocumentStore"/>): up to
/// <see cref="DatabaseDocumentStore.ChunkBytes"/> of the file, encrypted on its own, so that a file is written and read
/// a chunk at a time. <see cref="DocumentKey"/> is the document's <see cref="CaseDocument.FileKey"/>.
/// </summary>
public sealed class DocumentContent
{
    public required string DocumentKey { get; set; }
    public int Chunk { get; set; }
    public required byte[] Data { get; set; }
}

public sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> c)
    {
        c.ToTable("DocumentContents");
        c.HasKey(x => new { x.DocumentKey, x.Chunk });
        c.Property(x => x.DocumentKey).HasMaxLength(32);
    }
}
