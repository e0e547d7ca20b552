namespace Trajet.Web.Features.Cases;

/// <summary>What a form just saved: the page it lands on (post-redirect-get) says so and opens at the section edited.</summary>
public enum Saved
{
    CaseOpened, Person, PersonErased, Contact, Interaction, Screening, Status, Document, LegalEvent,
    BaselineSheet, SummarySheet, CaseStudy, Referral, Goal, Action, Review, Consent,
}

public static class SavedNotice
{
    public const string Query = "saved";

    /// <summary>The case page after a save, at the section where the record now shows.</summary>
    public static RedirectToPageResult OnCase(Guid id, Saved saved) =>
        new("/CaseFile/Details", null, new { id, saved = saved.ToKebab() }, Section(saved));

    /// <summary>The same page after a save (the action plan, the referrals, the consents).</summary>
    public static RedirectToPageResult Again(Guid id, Saved saved, string? section = null) =>
        new(null, null, new { id, saved = saved.ToKebab() }, section);

    /// <summary>What the notice says, in the user's language; null when the query names nothing saved.</summary>
    public static string? Text(IStringLocalizer l, string? query) => KebabEnum.TryParse<Saved>(query, out var saved) ? (saved switch
    {
        Saved.CaseOpened => l["The case is opened."],
        Saved.Person => l["The person is saved."],
        Saved.PersonErased => l["The person's data are erased."],
        Saved.Contact => l["The address and phones are saved."],
        Saved.Interaction => l["The interaction is recorded."],
        Saved.Screening => l["The screening is recorded."],
        Saved.Status => l["The status is changed."],
        Saved.Document => l["The document is added."],
        Saved.LegalEvent => l["The step is added to the legal chronology."],
        Saved.BaselineSheet => l["The baseline sheet is saved."],
        Saved.SummarySheet => l["The client summary sheet is saved."],
        Saved.CaseStudy => l["The case study is saved."],
        Saved.Referral => l["The referral is saved."],
        Saved.Goal => l["The goal is added to the plan."],
        Saved.Action => l["The action is saved."],
        Saved.Review => l["The review is recorded."],
        Saved.Consent => l["The consent is saved."],
        _ => l["Saved."],
    }).Value : null;

    public static string? Section(Saved saved) => saved switch
    {
        Saved.Person or Saved.PersonErased or Saved.Contact => "household",
        Saved.Interaction => "interactions",
        Saved.Screening => "screening",
        Saved.Status => "history",
        Saved.Document => "documents",
        Saved.LegalEvent => "chronology",
        Saved.BaselineSheet or Saved.SummarySheet or Saved.CaseStudy => "instruments",
        _ => null,
    };
}
