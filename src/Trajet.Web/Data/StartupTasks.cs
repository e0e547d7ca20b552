using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Data;

/// <summary>A one-off start-up job (a backfill after an upgrade) that has completed: it is not run again.</summary>
public sealed class StartupTask
{
    public required string Name { get; set; }
    public DateTime CompletedAt { get; set; } = Clock.UtcNow;
}

/// <summary>
/// Start-up work that only an upgrade needs (name keys for people saved before keys existed, notes written in
/// clear before they were encrypted) runs until it has completed once, so that a start on a national caseload
/// does not scan millions of rows each time. A restored older backup brings its own record, so it runs again.
/// </summary>
public static class StartupTasks
{
    public static async Task RunOnceAsync(TrajetDbContext db, string name, Func<Task> work, CancellationToken ct = default)
    {
        if (await db.StartupTasks.AnyAsync(t => t.Name == name, ct))
        {
            return;
        }
        await work();
        db.StartupTasks.Add(new StartupTask { Name = name });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time finished it too.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The name keys' backfill runs again when the matcher spells keys otherwise.</summary>
    public static string NameKeysName => $"name-keys:{Features.Cases.NameMatcher.Version}";

    /// <summary>The encryption backfill's name changes when a column becomes confidential, so that it runs once more.</summary>
    public static string EncryptNotesName(IModel model)
    {
        var columns = model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => p.FindAnnotation(ConfidentialText.Annotation) is not null).Select(p => $"{e.GetTableName()}.{p.Name}"))
            .Order(StringComparer.Ordinal);
        return "encrypt-notes:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", columns))))[..16].ToLowerInvariant();
    }
}

public sealed class StartupTaskConfiguration : IEntityTypeConfiguration<StartupTask>
{
    public void Configure(EntityTypeBuilder<StartupTask> t)
    {
        t.ToTable("StartupTasks");
        t.HasKey(x => x.Name);
        t.Property(x => x.Name).HasMaxLength(200);
    }
}
