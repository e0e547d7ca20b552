using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// No text is stored with control characters other than line breaks and tabs: a NUL pasted into a note breaks
/// exports, PostgreSQL refuses it outright, and an invisible character in a name defeats the name search.
/// </summary>
public static class ControlCharacters
{
    public static string Strip(string text)
    {
        if (!text.Any(IsStripped))
        {
            return text;
        }
        return string.Create(text.Count(c => !IsStripped(c)), text, (span, source) =>
        {
            var i = 0;
            foreach (var c in source.Where(c => !IsStripped(c)))
            {
                span[i++] = c;
            }
        });
    }

    /// <summary>Strips every text about to be saved, whichever page, API or import wrote it.</summary>
    public static void StripFrom(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string)))
            {
                if (property.CurrentValue is string text && Strip(text) is var clean && !ReferenceEquals(clean, text))
                {
                    property.CurrentValue = clean;
                }
            }
        }
    }

    private static bool IsStripped(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');
}

/// <summary>Every save strips control characters from the text it writes, whichever page, API or import wrote it.</summary>
public sealed class StripControlCharacters : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ControlCharacters.StripFrom(eventData.Context!.ChangeTracker);
        return ValueTask.FromResult(result);
    }
}
