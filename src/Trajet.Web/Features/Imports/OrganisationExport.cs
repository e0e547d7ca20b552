using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Trajet.Web.Features.ActionPlans;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Coaching;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Outreach;
using Trajet.Web.Features.Partners;
using Trajet.Web.Features.Privacy;

namespace Trajet.Web.Features.Imports;

/// <summary>
/// "Take everything out" (issue 24): the whole of an organisation's data as one zip archive, for a move to another
/// system or back into Trajet. Each programme's cases in the case import's own format (<c>cases-&lt;programme&gt;.csv</c>),
/// every other table as a CSV of its stored columns, the documents' files under <c>files/</c>, and a README. Written
/// straight to the response, table by table and row by row; every query keeps to the organisation's rows.
/// </summary>
public static class OrganisationExport
{
    /// <summary>
    /// The organisation, for a system administrator (any organisation: the issue grants them this export) or a coordinator
    /// of that organisation. Another organisation, or one that does not exist, is NotFound; the organisation's other
    /// staff are Forbidden.
    /// </summary>
    public static async Task<Result<Organisation>> OrganisationForAsync(TrajetDbContext db, UserContext user, Guid id, CancellationToken ct)
    {
        if (!user.IsAdministrator && user.OrganisationId != id)
        {
            return Failure.NotFound;
        }
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is not { } organisation)
        {
            return Failure.NotFound;
        }
        return user.IsAdministrator || (user.IsCoordinator && !user.SeesAggregatesOnly) ? organisation : Failure.Forbidden;
    }

    /// <summary><c>trajet-&lt;organisation&gt;-&lt;yyyy-MM-dd&gt;.zip</c>: the organisation's name in lower-case ASCII, or its id.</summary>
    public static string FileName(Organisation organisation, DateOnly today)
    {
        var slug = new StringBuilder();
        foreach (var c in ImportColumns.Simplify(organisation.Name))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var name = slug.ToString().Trim('-');
        return $"trajet-{(name.Length == 0 ? organisation.Id.ToString() : name[..Math.Min(name.Length, 60)].Trim('-'))}-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.zip";
    }

    /// <summary>Where a document's file goes in the archive: its id, then its stored name in safe ASCII.</summary>
    public static string ArchivePath(Guid documentId, string? fileName)
    {
        var safe = new string((fileName ?? "document").Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return $"files/{documentId}-{(safe.Length == 0 ? "document" : safe)}";
    }

    /// <summary>
    /// How many rows each file will hold, for the audit entry written before the first byte goes out. Rows saved while
    /// the archive is written may still appear in it.
    /// </summary>
    public static async Task<Dictionary<string, int>> CountAsync(TrajetDbContext db, Organisation organisation, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var programme in await ProgrammesAsync(db, organisation.Id, ct))
        {
            counts[CasesFile(programme.Slug)] = await CaseRows(db, organisation.Id, programme.Id).CountAsync(ct);
        }
        counts[Users] = await db.Users.CountAsync(u => u.OrganisationId == organisation.Id, ct);
        foreach (var table in Tables(stored: _ => false))
        {
            counts[table.File] = await table.CountAsync(db, organisation.Id, ct);
        }
        counts["files/"] = await Files(db, organisation.Id).CountAsync(ct);
        return counts;
    }

    /// <summary>Writes the archive to <paramref name="body"/> (a response body: asynchronous writes only).</summary>
    public static async Task WriteAsync(Stream body, TrajetDbContext db, DocumentStore documents, Organisation organisation, DateTime now, CancellationToken ct)
    {
        var output = new HeldSyncWrites(body);
        await using (var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            await WriteEntriesAsync(archive, output, db, documents, organisation, now, ct);
        }
        await output.FlushAsync(ct);
    }

    private static async Task WriteEntriesAsync(ZipArchive archive, HeldSyncWrites output, TrajetDbContext db, DocumentStore documents, Organisation organisation,
        DateTime now, CancellationToken ct)
    {
        var id = organisation.Id;
        var programmes = await ProgrammesAsync(db, id, ct);
        // Asked once, before documents.csv is written: a query per row would wait behind the rows being read. The rows
        // may come from the standby, the content from the primary's store.
        var stored = await documents.StoredAsync(await db.CaseDocuments.Where(d => d.OrganisationId == id && d.FileKey != null).Select(d => d.FileKey!).ToListAsync(ct), ct);
        var tables = Tables(stored.Contains);
        await WriteEntryAsync(archive, output, "README.txt", CompressionLevel.Optimal, async s => await s.WriteAsync(Readme(organisation, programmes, tables, now), ct), ct);
        foreach (var programme in programmes)
        {
            await WriteEntryAsync(archive, output, CasesFile(programme.Slug), CompressionLevel.Optimal,
                s => CsvFile.WriteInvariantAsync(s, ImportColumns.All, ImportRows(CaseRows(db, id, programme.Id).AsAsyncEnumerable(), ct), ct), ct);
        }
        await WriteEntryAsync(archive, output, Users, CompressionLevel.Optimal, s => WriteUsersAsync(s, db, id, ct), ct);
        foreach (var table in tables)
        {
            await WriteEntryAsync(archive, output, table.File, CompressionLevel.Optimal, s => table.WriteAsync(s, db, id, ct), ct);
        }
        await foreach (var file in Files(db, id).AsAsyncEnumerable().WithCancellation(ct))
        {
            Stream content;
            try
            {
                content = await documents.OpenReadAsync(file.FileKey!, ct);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                continue; // gone since documents.csv was written
            }
            await using (content)
            {
                // PDFs and images are compressed already.
                await WriteEntryAsync(archive, output, ArchivePath(file.Id, file.FileName), CompressionLevel.NoCompression, s => content.CopyToAsync(s, ct), ct);
            }
        }
    }

    private static async Task WriteEntryAsync(ZipArchive archive, HeldSyncWrites output, string name, CompressionLevel level, Func<Stream, Task> write,
        CancellationToken ct)
    {
        await using (var stream = await archive.CreateEntry(name, level).OpenAsync(ct))
        {
            await write(stream);
        }
        await output.FlushAsync(ct);
    }

    private static Task<List<Programme>> ProgrammesAsync(TrajetDbContext db, Guid organisationId, CancellationToken ct) =>
        db.Programmes.AsNoTracking().Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Slug).ToListAsync(ct);

    private static string CasesFile(string programmeSlug) => $"cases-{programmeSlug}.csv";

    // ---- the cases, as the import reads them ----

    private sealed record CaseRow(
        string Number, CaseKind Kind, DateOnly ReferralDate, ReferralSource Source, string? ReferredBy, CaseStatus Status, DateOnly? AdmittedOn,
        DateOnly? ClosedOn, ClosureOutcome? Outcome, Member? Member, string? Address, string? Phones);

    /// <summary>One row per person, the household's rows together; a case without anyone yet has one row without a person.</summary>
    private static IQueryable<CaseRow> CaseRows(TrajetDbContext db, Guid organisationId, Guid programmeId) =>
        from c in db.Cases.AsNoTracking().Where(c => c.OrganisationId == organisationId && c.ProgrammeId == programmeId)
        from m in db.Members.AsNoTracking().Where(m => m.CaseId == c.Id).DefaultIfEmpty()
        from h in db.HouseholdContacts.AsNoTracking().Where(h => h.CaseId == c.Id).DefaultIfEmpty()
        orderby c.Number, m.CreatedAt, m.Id
        select new CaseRow(c.Number, c.Kind, c.Referral.Date, c.Referral.Source, c.Referral.ReferredBy, c.Status, c.AdmittedOn, c.ClosedOn, c.Outcome,
            m, h.Address, h.Phones);

    private static async IAsyncEnumerable<IReadOnlyList<object?>> ImportRows(IAsyncEnumerable<CaseRow> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in rows.WithCancellation(ct))
        {
            var m = r.Member;
            // In ImportColumns.All's order.
            yield return
            [
                r.Number, r.Kind, r.ReferralDate, r.Source, r.ReferredBy, r.Status,
                m?.Role, m?.FirstName, m?.LastName, m?.Gender, m?.BirthDate, m?.Nationality, Joined(m?.Languages, ','),
                m?.EstimatedAge, Joined(m?.Aliases, '\n'), m?.ArrivalYear, Joined(m?.Vulnerabilities, ','), m?.EverHadLegalStay, m?.AskedAsylumOnArrival,
                r.AdmittedOn, r.ClosedOn, r.Outcome, r.Address, Joined(r.Phones, '\n'),
            ];
        }
    }

    /// <summary>A stored list (comma-separated, or one a line) as the import writes lists: <c>hy|ru</c>.</summary>
    private static string? Joined(string? stored, char separator) =>
        stored is null ? null : string.Join('|', stored.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // ---- the staff, without anything that signs in ----

    private const string Users = "users.csv";

    private static async Task<int> WriteUsersAsync(Stream destination, TrajetDbContext db, Guid organisationId, CancellationToken ct)
    {
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           join u in db.Users on ur.UserId equals u.Id
                           where u.OrganisationId == organisationId
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name);
        var users = db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive, u.CreatedAt }).AsAsyncEnumerable();
        return await CsvFile.WriteInvariantAsync(destination, ["Id", "Email", "DisplayName", "Roles", "IsActive", "CreatedAt"],
            Select(users, u => [u.Id, u.Email, u.DisplayName, string.Join('|', byUser[u.Id].Order(StringComparer.Ordinal)), u.IsActive, u.CreatedAt], ct), ct);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Select<T>(IAsyncEnumerable<T> rows, Func<T, IReadOnlyList<object?>> cells,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return cells(row);
        }
    }

    // ---- the documents' files ----

    private sealed record StoredFile(Guid Id, string? FileKey, string? FileName);

    private static IQueryable<StoredFile> Files(TrajetDbContext db, Guid organisationId) =>
        db.CaseDocuments.AsNoTracking().Where(d => d.OrganisationId == organisationId && d.FileKey != null).OrderBy(d => d.Id)
            .Select(d => new StoredFile(d.Id, d.FileKey, d.FileName));

    // ---- every other table ----

    private static IQueryable<Guid> CasesOf(TrajetDbContext db, Guid organisationId) =>
        db.Cases.Where(c => c.OrganisationId == organisationId).Select(c => c.Id);

    /// <summary>The tables after the cases, in the order of the archive (and of its README).</summary>
    private static IReadOnlyList<ArchiveTable> Tables(Func<string, bool> stored) =>
    [
        ArchiveTable.Of("organisation.csv", "the organisation itself", (db, o) => db.Organisations.Where(x => x.Id == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("programmes.csv", "its programmes (Slug names the cases-<programme>.csv file)", (db, o) => db.Programmes.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("admission-criteria.csv", "each programme's admission criteria", (db, o) =>
            db.AdmissionCriteria.Where(x => db.Programmes.Any(p => p.Id == x.ProgrammeId && p.OrganisationId == o)).OrderBy(x => x.ProgrammeId).ThenBy(x => x.Position).ThenBy(x => x.Id)),
        ArchiveTable.Of("deadline-rules.csv", "the time limits computed from legal events", (db, o) => db.DeadlineRules.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("partners.csv", "partner organisations and professionals", (db, o) => db.Partners.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("cases.csv", "every column of every case (Id is the CaseId of the other files; Number is case_ref)", (db, o) => db.Cases.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("members.csv", "every column of every person of a case (Id is the MemberId of the other files)", (db, o) => db.Members.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("household-contacts.csv", "each household's address and phone numbers (one a line)", (db, o) => db.HouseholdContacts.Where(x => CasesOf(db, o).Contains(x.CaseId)).OrderBy(x => x.CaseId)),
        ArchiveTable.Of("case-status-changes.csv", "each change of a case's status, with its reason", (db, o) => db.CaseStatusChanges.Where(x => CasesOf(db, o).Contains(x.CaseId)).OrderBy(x => x.Id)),
        ArchiveTable.Of("case-support-periods.csv", "each period of support, from admission or reopening to closure", (db, o) => db.CaseSupportPeriods.Where(x => CasesOf(db, o).Contains(x.CaseId)).OrderBy(x => x.Id)),
        ArchiveTable.Of("case-assignments.csv", "the case managers assigned to each case (UserId: users.csv)", (db, o) => db.CaseAssignments.Where(x => CasesOf(db, o).Contains(x.CaseId)).OrderBy(x => x.CaseId).ThenBy(x => x.UserId)),
        ArchiveTable.Of("screening-answers.csv", "each case's answers to the admission criteria", (db, o) => db.ScreeningAnswers.Where(x => CasesOf(db, o).Contains(x.CaseId)).OrderBy(x => x.Id)),
        ArchiveTable.Of("interactions.csv", "visits, calls, accompaniments and interviews", (db, o) => db.Interactions.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("legal-events.csv", "the legal chronology: applications, decisions, appeals", (db, o) => db.LegalEvents.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("plan-goals.csv", "action plans: the goals", (db, o) => db.PlanGoals.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("plan-actions.csv", "action plans: the actions (GoalId: plan-goals.csv)", (db, o) => db.PlanActions.Where(x => CasesOf(db, o).Contains(x.CaseId)).OrderBy(x => x.Id)),
        ArchiveTable.Of("plan-reviews.csv", "action plans: the reviews", (db, o) => db.PlanReviews.Where(x => CasesOf(db, o).Contains(x.CaseId)).OrderBy(x => x.Id)),
        ArchiveTable.Of("baseline-sheets.csv", "baseline sheets", (db, o) => db.BaselineSheets.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("baseline-scores.csv", "each baseline sheet's scores, one row per item (SheetId: baseline-sheets.csv)", (db, o) =>
            db.Set<BaselineScore>().Where(x => db.BaselineSheets.Any(s => s.Id == x.SheetId && s.OrganisationId == o)).OrderBy(x => x.SheetId).ThenBy(x => x.Item)),
        ArchiveTable.Of("summary-sheets.csv", "client summary sheets", (db, o) => db.SummarySheets.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("case-studies.csv", "case studies", (db, o) => db.CaseStudies.Where(x => x.OrganisationId == o).OrderBy(x => x.CaseId)),
        ArchiveTable.Of("documents.csv", "documents' details; ArchivePath is the file in this archive (empty: no file, or the file was missing on the server)", (db, o) =>
            db.CaseDocuments.Where(x => x.OrganisationId == o).OrderBy(x => x.Id))
            .With("ArchivePath", d => d.FileKey is { } key && stored(key) ? ArchivePath(d.Id, d.FileName) : null),
        ArchiveTable.Of("consents.csv", "consents given and withdrawn", (db, o) => db.Consents.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("partner-referrals.csv", "referrals to partners (PartnerId: partners.csv)", (db, o) => db.PartnerReferrals.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("desks.csv", "coaching desks", (db, o) => db.Desks.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("desk-openings.csv", "each desk's opening hours", (db, o) => db.DeskOpenings.Where(x => db.Desks.Any(d => d.Id == x.DeskId && d.OrganisationId == o)).OrderBy(x => x.Id)),
        ArchiveTable.Of("walk-ins.csv", "people who came to a desk without an appointment", (db, o) => db.WalkIns.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("appointments.csv", "coaching appointments", (db, o) => db.Appointments.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("invitations.csv", "invitation letters", (db, o) => db.Invitations.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("pathway-decisions.csv", "coaching pathway decisions", (db, o) => db.PathwayDecisions.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("coaching-files.csv", "each coached case's desk and current pathway", (db, o) => db.CoachingFiles.Where(x => CasesOf(db, o).Contains(x.CaseId)).OrderBy(x => x.CaseId)),
        ArchiveTable.Of("outreach-places.csv", "outreach places", (db, o) => db.OutreachPlaces.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("outreach-sessions.csv", "outreach sessions", (db, o) => db.OutreachSessions.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("outreach-session-workers.csv", "who went to each session", (db, o) =>
            db.Set<OutreachSessionWorker>().Where(x => db.OutreachSessions.Any(s => s.Id == x.SessionId && s.OrganisationId == o)).OrderBy(x => x.SessionId).ThenBy(x => x.UserId)),
        ArchiveTable.Of("outreach-people.csv", "people met in outreach", (db, o) => db.OutreachPeople.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("outreach-contacts.csv", "outreach contacts", (db, o) => db.OutreachContacts.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("outreach-outcomes.csv", "what came of outreach contacts", (db, o) => db.OutreachOutcomes.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("inbound-referrals.csv", "people referred to the outreach team by partners", (db, o) => db.InboundReferrals.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
        ArchiveTable.Of("cross-border-shares.csv", "people this organisation shared with another, and until when", (db, o) => db.CrossBorderShares.Where(x => x.OrganisationId == o).OrderBy(x => x.Id)),
    ];

    // ---- README.txt ----

    private const int Width = 28;

    private static byte[] Readme(Organisation organisation, IReadOnlyList<Programme> programmes, IReadOnlyList<ArchiveTable> tables, DateTime now)
    {
        var text = new StringBuilder()
            .AppendLine($"Trajet: everything of {organisation.Name}, taken out on {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.")
            .AppendLine()
            .AppendLine("Files are CSV: comma-separated, UTF-8, one header row. Dates are yyyy-MM-dd, times ISO 8601 (UTC),")
            .AppendLine("codes kebab-case (home-visit), yes/no for yes-or-no fields, an empty cell where nothing was recorded.")
            .AppendLine("A text that starts with = + - @ (a phone number +32...) has a ' in front, so that a spreadsheet")
            .AppendLine("does not run it as a formula. Ids (CaseId, MemberId, ...) join the files.")
            .AppendLine()
            .AppendLine($"{"cases-<programme>.csv",-Width} each programme's cases in the case import's format: one row per person,")
            .AppendLine($"{"",-Width} the rows of a household sharing case_ref; lists are written a|b. A case with nobody")
            .AppendLine($"{"",-Width} in it yet has one row with the person's columns empty; a person who was erased keeps")
            .AppendLine($"{"",-Width} the placeholder name erasure left. They go back into Trajet with")
            .AppendLine($"{"",-Width} POST /api/imports/cases?programme=<programme>.");
        foreach (var programme in programmes)
        {
            text.AppendLine($"{"  " + CasesFile(programme.Slug),-Width} {programme.Name}");
        }
        text.AppendLine($"{Users,-Width} the organisation's staff accounts (no passwords, no keys)");
        foreach (var table in tables)
        {
            text.AppendLine($"{table.File,-Width} {table.Description}");
        }
        text.AppendLine($"{"files/",-Width} the documents' files, as uploaded: files/<document id>-<file name>");
        text.AppendLine()
            .AppendLine("Not included: the audit trail, sign-in sessions and registered phones, and the sound-alike name keys (computed again from the names).");
        return Encoding.UTF8.GetBytes(text.ToString().ReplaceLineEndings("\r\n"));
    }

    /// <summary>Names what the audit trail records for an export: the organisation and the row counts.</summary>
    public static Task RecordAsync(AuditTrail audit, UserContext user, Organisation organisation, Dictionary<string, int> counts) =>
        audit.ExportAsync(user, "Organisation", organisation.Id.ToString(), organisation.Id, new { format = "zip", rows = counts });
}
