using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Calendar;

/// <summary>
/// A user's personal calendar feed: one per user, reached without signing in by the secret in its URL, of which only
/// the SHA-256 is kept. A new feed replaces the old one; revoking deletes the row.
/// </summary>
public sealed class CalendarFeed
{
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>fr, nl or en: the request's language when the feed was made, since an account stores none.</summary>
    public required string Language { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> f)
    {
        f.ToTable("CalendarFeeds");
        f.HasKey(x => x.UserId);
        f.Property(x => x.TokenHash).HasMaxLength(64);
        f.Property(x => x.Language).HasMaxLength(2);
        f.HasIndex(x => x.TokenHash).IsUnique();
        f.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
