using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Data;

/// <summary>A <see cref="LocalizedText"/> stored beside its default column: <c>NameFr</c>, <c>NameNl</c>, <c>NameEn</c>.</summary>
public static class LocalizedColumns
{
    public static EntityTypeBuilder<T> HasLocalized<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, LocalizedText?>> texts, string column, int maxLength)
        where T : class
    {
        entity.OwnsOne(texts, t =>
        {
            t.Property(x => x.Fr).HasColumnName(column + "Fr").HasMaxLength(maxLength);
            t.Property(x => x.Nl).HasColumnName(column + "Nl").HasMaxLength(maxLength);
            t.Property(x => x.En).HasColumnName(column + "En").HasMaxLength(maxLength);
        });
        // Always there, even with no language written: older rows read as an empty set of texts.
        entity.Navigation(texts!).IsRequired();
        return entity;
    }
}
