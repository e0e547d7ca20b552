using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trajet.Web.Features.Audit;

namespace Trajet.Web.Data;

/// <summary>What an entity's configuration declares about a property beyond its column: read by the save-time rules.</summary>
public static class ModelMarks
{
    /// <summary>A property the app computes from other rows: not audited, not an edit of its row.</summary>
    public const string Derived = "Trajet:Derived";

    /// <summary>Free text about people: an unbounded column, encrypted at rest (<see cref="ConfidentialText"/>).</summary>
    public static PropertyBuilder IsConfidential(this PropertyBuilder property)
    {
        property.HasAnnotation(ConfidentialText.Annotation, true);
        property.Metadata.SetMaxLength(null);
        return property;
    }

    /// <summary>What identifies a person: the audit seals these values with the person's key (<see cref="PersonSeal"/>).</summary>
    public static PropertyBuilder IsIdentifying(this PropertyBuilder property) => property.HasAnnotation(PersonSeal.Annotation, true);

    public static PropertyBuilder IsDerived(this PropertyBuilder property) => property.HasAnnotation(Derived, true);
}
