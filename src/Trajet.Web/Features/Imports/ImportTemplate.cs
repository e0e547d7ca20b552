namespace Trajet.Web.Features.Imports;

/// <summary>The example household of the template's second sheet, in the order of <see cref="ImportColumns.All"/>.</summary>
public static class ImportTemplate
{
    public static readonly IReadOnlyList<string[]> Example =
    [
        ["F-001", "family", "2024-03-31", "community", "Mosque association", "active", "parent", "Amina", "El Idrissi", "female", "1988-05-02", "Maroc", "ar|fr",
            "", "", "2015", "sole-carer", "no", "no", "2024-04-15", "", "", "12 rue des Tilleuls, 1000 Bruxelles", "+32 470 12 34 56"],
        ["F-001", "family", "31/03/2024", "community", "Mosque association", "active", "child", "Yassine", "El Idrissi", "male", "12/09/2016", "Belgique", "fr",
            "", "", "", "child", "", "", "", "", "", "", ""],
        ["I-002", "individual", "2024-06-01", "detention", "", "closed", "", "Tigran", "Petrosyan", "male", "", "Armenia", "hy|ru",
            "45", "Tigran Petrosian", "2019", "", "yes", "yes", "2024-06-10", "2025-02-28", "resolved-voluntary-return", "", ""],
    ];
}
