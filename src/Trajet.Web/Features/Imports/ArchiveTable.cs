using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Trajet.Web.Features.Imports;

/// <summary>
/// One table of the whole-organisation archive: a CSV file of the organisation's rows of one entity, with a column per
/// stored property (an owned type's properties under their own columns, as <c>ReferralSource</c> or <c>NameFr</c>), in
/// the order the entity declares them. Rows are read through EF, so encrypted notes come out as written.
/// </summary>
public abstract class ArchiveTable(string file, string description)
{
    public string File => file;

    /// <summary>One line for the archive's README.</summary>
    public string Description => description;

    public abstract Task<int> CountAsync(TrajetDbContext db, Guid organisationId, CancellationToken ct);

    /// <summary>Writes the file's content to the stream, reading the rows one by one in key order.</summary>
    public abstract Task<int> WriteAsync(Stream destination, TrajetDbContext db, Guid organisationId, CancellationToken ct);

    /// <summary>A table of <typeparamref name="T"/>; <paramref name="rows"/> must keep to the organisation and fix an order.</summary>
    public static ArchiveTable<T> Of<T>(string file, string description, Func<TrajetDbContext, Guid, IQueryable<T>> rows) where T : class =>
        new(file, description, rows, []);
}

public sealed class ArchiveTable<T>(string file, string description, Func<TrajetDbContext, Guid, IQueryable<T>> rows, IReadOnlyList<(string Header, Func<T, object?> Value)> extra)
    : ArchiveTable(file, description) where T : class
{
    /// <summary>The same table with a column computed for each row (written after the stored ones).</summary>
    public ArchiveTable<T> With(string header, Func<T, object?> value) => new(File, Description, rows, [.. extra, (header, value)]);

    public override Task<int> CountAsync(TrajetDbContext db, Guid organisationId, CancellationToken ct) => rows(db, organisationId).CountAsync(ct);

    public override Task<int> WriteAsync(Stream destination, TrajetDbContext db, Guid organisationId, CancellationToken ct)
    {
        var columns = Columns(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."));
        return CsvFile.WriteInvariantAsync(destination, [.. columns.Select(c => c.Header), .. extra.Select(e => e.Header)],
            Rows(rows(db, organisationId).AsNoTracking().AsAsyncEnumerable(), columns, ct), ct);
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IAsyncEnumerable<T> entities, List<(string Header, Func<object, object?> Value)> columns,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var entity in entities.WithCancellation(ct))
        {
            yield return [.. columns.Select(c => c.Value(entity)), .. extra.Select(e => e.Value(entity))];
        }
    }

    /// <summary>The entity's stored properties (and those of the types it owns), by column name, in declaration order.</summary>
    private static List<(string Header, Func<object, object?> Value)> Columns(IEntityType entity)
    {
        var columns = new List<(string, Func<object, object?>)>();
        foreach (var member in entity.ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (entity.FindProperty(member.Name) is { PropertyInfo: { } read } property)
            {
                columns.Add((property.GetColumnName(), read.GetValue));
            }
            else if (entity.FindNavigation(member.Name) is { TargetEntityType: { } owned, PropertyInfo: { } navigation } && owned.IsOwned())
            {
                foreach (var ownedMember in owned.ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (owned.FindProperty(ownedMember.Name) is { PropertyInfo: { } readOwned } ownedProperty && !ownedProperty.IsPrimaryKey())
                    {
                        columns.Add((ownedProperty.GetColumnName(), e => navigation.GetValue(e) is { } value ? readOwned.GetValue(value) : null));
                    }
                }
            }
        }
        return columns;
    }
}
