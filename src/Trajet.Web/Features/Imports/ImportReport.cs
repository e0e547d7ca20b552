namespace Trajet.Web.Features.Imports;

/// <summary>What an import answers (API.md "Import"), its messages in the reader's language.</summary>
public sealed record ImportReport(
    int Rows, int Cases, int People, ImportCases.Counts Created, ImportCases.Counts WouldCreate, ImportCases.Counts Existing,
    IReadOnlyList<ImportReport.Error> Errors, IReadOnlyList<ImportReport.Duplicate> PossibleDuplicates, bool DryRun)
{
    public sealed record Error(int Row, string Column, string Message);

    public sealed record Duplicate(int Row, Guid CaseId, string CaseNumber, Guid MemberId, string FirstName, string LastName, DateOnly? BirthDate);

    public static ImportReport From(ImportCases.Outcome o, IStringLocalizer l) => new(
        o.Rows, o.Cases, o.People, o.Created, o.WouldCreate, o.Existing,
        [.. o.Errors.Select(e => new Error(e.Row, e.Column, Message(l, e.Message, e.Arguments)))],
        [.. o.PossibleDuplicates.Select(d => new Duplicate(d.Row, d.CaseId, d.CaseNumber, d.MemberId, d.FirstName, d.LastName, d.BirthDate))],
        o.DryRun);

    public static string Message(IStringLocalizer l, string message, object[] arguments) => l[message, arguments].Value;
}
