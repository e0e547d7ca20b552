using System.Globalization;
using System.Text;

namespace Trajet.Web.Features.Imports;

/// <summary>
/// The columns of the case import (one row per person, rows sharing <c>case_ref</c> one household), by their English
/// names, and the same headers in French and Dutch for the templates. The whole-organisation export writes its cases
/// in this format, so that an organisation's data go back in through the import.
/// </summary>
public static class ImportColumns
{
    public const string CaseRef = "case_ref";
    public const string Kind = "kind";
    public const string ReferralDate = "referral_date";
    public const string ReferralSource = "referral_source";
    public const string ReferredBy = "referred_by";
    public const string Status = "status";
    public const string Role = "role";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Gender = "gender";
    public const string BirthDate = "birth_date";
    public const string Nationality = "nationality";
    public const string Languages = "languages";
    public const string EstimatedAge = "estimated_age";
    public const string Aliases = "aliases";
    public const string ArrivalYear = "arrival_year";
    public const string Vulnerabilities = "vulnerabilities";
    public const string EverHadLegalStay = "ever_had_legal_stay";
    public const string AskedAsylumOnArrival = "asked_asylum_on_arrival";
    public const string AdmittedOn = "admitted_on";
    public const string ClosedOn = "closed_on";
    public const string Outcome = "outcome";
    public const string Address = "address";
    public const string Phone = "phone";

    /// <summary>The columns a file must have; the others may be left out.</summary>
    public static readonly IReadOnlyList<string> Required =
        [CaseRef, Kind, ReferralDate, ReferralSource, ReferredBy, Status, Role, FirstName, LastName, Gender, BirthDate, Nationality, Languages];

    /// <summary>Every column in the template's order: the required ones, then the optional ones.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        .. Required, EstimatedAge, Aliases, ArrivalYear, Vulnerabilities, EverHadLegalStay, AskedAsylumOnArrival, AdmittedOn, ClosedOn, Outcome,
        Address, Phone,
    ];

    /// <summary>Each column's header in French and Dutch (the English header is the column's name).</summary>
    private static readonly Dictionary<string, (string Fr, string Nl)> Translated = new()
    {
        [CaseRef] = ("ref_dossier", "dossier_ref"),
        [Kind] = ("type", "soort"),
        [ReferralDate] = ("date_orientation", "verwijsdatum"),
        [ReferralSource] = ("source_orientation", "verwijsbron"),
        [ReferredBy] = ("oriente_par", "verwezen_door"),
        [Status] = ("statut", "status"),
        [Role] = ("role", "rol"),
        [FirstName] = ("prenom", "voornaam"),
        [LastName] = ("nom", "achternaam"),
        [Gender] = ("genre", "geslacht"),
        [BirthDate] = ("date_naissance", "geboortedatum"),
        [Nationality] = ("nationalite", "nationaliteit"),
        [Languages] = ("langues", "talen"),
        [EstimatedAge] = ("age_estime", "geschatte_leeftijd"),
        [Aliases] = ("autres_noms", "andere_namen"),
        [ArrivalYear] = ("annee_arrivee", "jaar_aankomst"),
        [Vulnerabilities] = ("vulnerabilites", "kwetsbaarheden"),
        [EverHadLegalStay] = ("deja_eu_sejour_legal", "ooit_wettig_verblijf"),
        [AskedAsylumOnArrival] = ("asile_demande_a_arrivee", "asiel_gevraagd_bij_aankomst"),
        [AdmittedOn] = ("date_admission", "toegelaten_op"),
        [ClosedOn] = ("date_cloture", "afgesloten_op"),
        [Outcome] = ("issue", "uitkomst"),
        [Address] = ("adresse", "adres"),
        [Phone] = ("telephone", "telefoon"),
    };

    /// <summary>The headers of the template in a language (fr, nl; anything else English).</summary>
    public static IReadOnlyList<string> Headers(string language) => All.Select(c => language switch
    {
        "fr" => Translated[c].Fr,
        "nl" => Translated[c].Nl,
        _ => c,
    }).ToList();

    private static readonly Dictionary<string, string> ByHeader = All
        .SelectMany(c => new (string Header, string Column)[] { (c, c), (Translated[c].Fr, c), (Translated[c].Nl, c) })
        .DistinctBy(x => x.Header)
        .ToDictionary(x => x.Header, x => x.Column, StringComparer.Ordinal);

    /// <summary>The column a header names, in any of the three languages, whatever its case, accents, spaces or hyphens.</summary>
    public static string? ColumnOf(string header) => ByHeader.GetValueOrDefault(Simplify(header).Replace(' ', '_').Replace('-', '_'));

    /// <summary>Lower case, accents off, spaces trimmed and single: how a typed value or header is compared.</summary>
    public static string Simplify(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // Côte d’Ivoire and Côte d'Ivoire alike.
                plain.Append(char.IsWhiteSpace(c) ? ' ' : c is '\u2019' or '\u2018' or '`' ? '\'' : c);
            }
        }
        return string.Join(' ', plain.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
