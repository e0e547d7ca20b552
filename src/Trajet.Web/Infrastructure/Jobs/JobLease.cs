using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Infrastructure.Jobs;

/// <summary>
/// One row per scheduled job: which instance holds it until when, and when it last ran. Taking the lease is one
/// conditional update, the same on SQLite and PostgreSQL, so several instances on one database run each job once.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime Until { get; set; }
    public DateTime? LastRunAt { get; set; }

    /// <summary>
    /// True when <paramref name="holder"/> now holds the job's lease until <paramref name="now"/> + <paramref name="length"/>:
    /// nobody holds it (not even this holder: two runs at once in one instance are two runs), and the job has not run since
    /// <paramref name="lastRunBefore"/>.
    /// </summary>
    public static async Task<bool> TryTakeAsync(TrajetDbContext db, string name, string holder, DateTime now, TimeSpan length, DateTime lastRunBefore, CancellationToken ct)
    {
        if (!await db.JobLeases.AnyAsync(j => j.Name == name, ct))
        {
            db.JobLeases.Add(new JobLease { Name = name, Until = DateTime.MinValue });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance wrote the row first; the update below decides.
            }
            db.ChangeTracker.Clear();
        }
        var until = now + length;
        return await db.JobLeases.Where(j => j.Name == name && j.Until < now && (j.LastRunAt == null || j.LastRunAt <= lastRunBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Holder, holder).SetProperty(j => j.Until, until), ct) == 1;
    }

    /// <summary>Marks the run done and frees the lease for whoever comes next.</summary>
    public static Task ReleaseAsync(TrajetDbContext db, string name, string holder, DateTime now, CancellationToken ct) =>
        db.JobLeases.Where(j => j.Name == name && j.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Until, now).SetProperty(j => j.LastRunAt, now), ct);
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> j)
    {
        j.ToTable("JobLeases");
        j.HasKey(x => x.Name);
        j.Property(x => x.Name).HasMaxLength(60);
        j.Property(x => x.Holder).HasMaxLength(100);
    }
}
