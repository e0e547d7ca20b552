using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Privacy;

public enum ErasureReason { SubjectRequest, Retention }

/// <summary>
/// The right to erasure, as pseudonymisation that keeps past reports' counts: the person's names, aliases, family
/// links and conditions go, and the audit's sealed copies of them become unreadable (their key is deleted); what the
/// reports count (role, gender, birth date, nationality, languages, arrival, legal stay, detention, the sheets' scores)
/// stays. When no one of the household is left, the case's free text (its contact details with the e-mail address
/// among them), documents, referrer, the addresses its letters were e-mailed to, and outreach identities go too.
/// </summary>
public static class ErasePerson
{
    public const string Pseudonym = "Erased";

    /// <summary>
    /// Erases one person of a case (tracked, visible to the caller); the household's text too if they were the last.
    /// Answers the case, or NotFound when the person is not in it.
    /// </summary>
    public static async Task<Result<Case>> ExecuteAsync(
        TrajetDbContext db, DocumentStore documents, Case c, Guid memberId, ErasureReason reason, DateOnly today, CancellationToken ct)
    {
        var member = await db.Members.Include(m => m.NameKeys).SingleOrDefaultAsync(m => m.Id == memberId && m.CaseId == c.Id, ct);
        if (member is null)
        {
            return Failure.NotFound;
        }
        if (member.ErasedOn is not null)
        {
            return Failure.Invalid("memberId", "This person was already erased.");
        }
        await EraseAsync(db, documents, c, [member], reason, today, ct);
        return c;
    }

    /// <summary>Erases everyone of the case and its free text (the retention period after closure is over).</summary>
    public static async Task EraseCaseAsync(TrajetDbContext db, DocumentStore documents, Case c, ErasureReason reason, DateOnly today, CancellationToken ct)
    {
        var members = await db.Members.Include(m => m.NameKeys).Where(m => m.CaseId == c.Id && m.ErasedOn == null).ToListAsync(ct);
        await EraseAsync(db, documents, c, members, reason, today, ct);
    }

    private static async Task EraseAsync(TrajetDbContext db, DocumentStore documents, Case c, List<Member> members, ErasureReason reason, DateOnly today, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subjects = new List<Guid>();
        foreach (var member in members)
        {
            Pseudonymise(member, today);
            subjects.Add(member.Id);
            db.QueueAudit(new AuditDraft(AuditAction.Update, nameof(Member), member.Id.ToString(), c.Id, c.OrganisationId,
                AuditTrail.Details(new { erased = reason.ToKebab() })));
        }
        var othersLeft = await db.Members.AnyAsync(m => m.CaseId == c.Id && m.ErasedOn == null && !subjects.Contains(m.Id), ct);
        var files = new List<string>();
        if (!othersLeft)
        {
            subjects.AddRange(await EraseHouseholdTextAsync(db, c, today, files, ct));
        }
        await db.SaveChangesAsync(ct);
        // After the save, whose audit entries sealed the old names with these keys: without them, nothing opens those values again.
        await db.PersonKeys.Where(k => subjects.Contains(k.SubjectId)).ExecuteDeleteAsync(ct);
        // Content in the database goes with its rows; files on disk once the rows are gone for good.
        if (documents.DeletesInTransaction)
        {
            await documents.DeleteAsync(files, ct);
        }
        await transaction.CommitAsync(ct);
        if (!documents.DeletesInTransaction)
        {
            await documents.DeleteAsync(files, CancellationToken.None);
        }
    }

    private static void Pseudonymise(Member member, DateOnly today)
    {
        member.FirstName = Pseudonym;
        member.LastName = "#" + member.Id.ToString("N")[^6..];
        member.Aliases = "";
        member.FamilyLinks = null;
        member.ConditionsImposed = null;
        member.SearchName = "";
        member.NameKeys.Clear();
        member.ErasedOn = today;
        member.UpdatedAt = Clock.UtcNow;
    }

    // Returns the outreach people erased with the case; collects the document files to delete once committed.
    private static async Task<List<Guid>> EraseHouseholdTextAsync(TrajetDbContext db, Case c, DateOnly today, List<string> files, CancellationToken ct)
    {
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.FindProperty("CaseId") is not null))
        {
            var confidential = entity.GetProperties().Where(p => p.FindAnnotation(ConfidentialText.Annotation) is not null).ToList();
            if (confidential.Count > 0)
            {
                var wipe = WipeMethod.MakeGenericMethod(entity.ClrType, entity.FindProperty("CaseId")!.ClrType);
                await (Task)wipe.Invoke(null, [db, c.Id, confidential, ct])!;
            }
        }
        c.Referral.ReferredBy = null;
        c.ErasedOn = today;

        var docs = await db.CaseDocuments.Where(d => d.CaseId == c.Id).ToListAsync(ct);
        files.AddRange(docs.Where(d => d.FileKey is not null).Select(d => d.FileKey!));
        db.CaseDocuments.RemoveRange(docs);

        foreach (var walkIn in await db.WalkIns.Where(w => w.CaseId == c.Id).ToListAsync(ct))
        {
            walkIn.Name = null;
        }
        var invitations = await db.Invitations.Where(i => i.CaseId == c.Id).ToListAsync(ct);
        foreach (var invitation in invitations)
        {
            invitation.Addressee = Pseudonym;
        }
        // The letters e-mailed to the person: their address goes, and a letter not yet sent is not sent any more.
        var mailKeys = invitations.Select(i => Coaching.InvitationMail.KeyOf(i.Id)).ToList();
        foreach (var mail in await db.OutgoingMails.Where(m => mailKeys.Contains(m.Key)).ToListAsync(ct))
        {
            (mail.To, mail.Text, mail.Html, mail.LastError) = ("", null, null, null);
            if (mail.Status != Reminders.MailStatus.Sent)
            {
                mail.Status = Reminders.MailStatus.Abandoned;
            }
        }

        var people = await db.OutreachPeople.Where(p => p.CaseId == c.Id && p.ErasedOn == null).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        foreach (var person in people)
        {
            person.Nickname = Pseudonym;
            person.FirstName = person.LastName = person.Phone = person.PhoneDigits = null;
            person.SearchName = person.SoundKeys = "";
            person.ErasedOn = today;
        }
        foreach (var contact in await db.OutreachContacts.Where(x => x.PersonId != null && ids.Contains(x.PersonId.Value)).ToListAsync(ct))
        {
            contact.Nickname = null;
            contact.InformationOther = null;
        }
        foreach (var outcome in await db.OutreachOutcomes.Where(o => ids.Contains(o.PersonId)).ToListAsync(ct))
        {
            outcome.Notes = null;
        }
        return ids;
    }

    private static readonly MethodInfo WipeMethod = typeof(ErasePerson).GetMethod(nameof(WipeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    // Every confidential note of the case's rows of one kind: emptied (nullable) or blanked.
    private static async Task WipeAsync<T, TCaseId>(TrajetDbContext db, Guid caseId, List<IProperty> properties, CancellationToken ct) where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        var ofCase = Expression.Lambda<Func<T, bool>>(Expression.Equal(
            Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TCaseId)], row, Expression.Constant("CaseId")),
            Expression.Convert(Expression.Constant(caseId), typeof(TCaseId))), row);
        var rows = await db.Set<T>().Where(ofCase).ToListAsync(ct);
        foreach (var entity in rows)
        {
            foreach (var property in properties)
            {
                db.Entry(entity).Property(property.Name).CurrentValue = property.IsNullable ? null : "";
            }
        }
    }
}
