using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Outreach;
using Trajet.Web.Features.Reports;

namespace Trajet.Web.Data;

/// <summary>
/// What every save does, in this order; each rule is an interceptor in the slice that owns it, and every context has
/// them (<see cref="TrajetDbContext"/> adds them), however it was made.
/// </summary>
public static class SaveRules
{
    public static readonly IInterceptor[] InOrder =
    [
        new StripControlCharacters(), // first: every later rule sees the text as it will be stored
        new MarkLatestSheets(),       // derived values, saved and versioned with what they derive from
        new KeepOutreachTallies(),    // the dashboard's tallies, moved in the save's transaction
        new BumpRowVersions(),
        new AppendToAuditChain(),     // last before the save: records what is about to be written, in its transaction
        new EmptyAccountCache(),      // after the save: the caches read again what was saved
        new EmptyCaseCounts(),
        new EmptyReportFigures(),
    ];

    /// <summary>A service of the app that made the context; null for a context made outside it (tools, tests).</summary>
    public static T? AppService<T>(this DbContext context) where T : class =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();
}

/// <summary>Notes, before a save, whether it touches entities a rule cares about, and acts once they are saved.</summary>
public abstract class AfterSave(Func<object, bool> concerns) : SaveChangesInterceptor
{
    private static readonly object Touched = new();
    private readonly ConditionalWeakTable<DbContext, object> touched = new();

    protected abstract ValueTask SavedAsync(DbContext context, CancellationToken ct);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && concerns(e.Entity)))
        {
            touched.AddOrUpdate(context, Touched);
        }
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && touched.Remove(context))
        {
            await SavedAsync(context, cancellationToken);
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            touched.Remove(context);
        }
    }
}

/// <summary>The concurrency token moves on every update; the WHERE clause keeps the version that was read.</summary>
public sealed class BumpRowVersions : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // A row whose only change is derived (another sheet became the latest) is not an edit of it.
        foreach (var entry in eventData.Context!.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified
            && e.Properties.Any(p => p.IsModified && p.Metadata.FindAnnotation(ModelMarks.Derived) is null)))
        {
            var version = entry.Metadata.FindProperty("Version");
            if (version is { IsConcurrencyToken: true } && version.ClrType == typeof(int))
            {
                var property = entry.Property("Version");
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
        }
        return ValueTask.FromResult(result);
    }
}
