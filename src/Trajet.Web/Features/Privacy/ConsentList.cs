using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Privacy;

public sealed record ConsentView(
    Guid Id, Guid? MemberId, string? Person, ConsentPurpose Purpose, Guid? PartnerId, string? Partner, Guid? RecipientOrganisationId, string? RecipientOrganisation,
    DateOnly GivenOn, string? ExplainedHow, string? Language, DateOnly? WithdrawnOn, string? WithdrawalNote, bool Active);

public static class ConsentList
{
    /// <summary>A case's consents (or the one <paramref name="only"/>), newest first; names and what was typed hidden from those who see aggregates only.</summary>
    public static async Task<List<ConsentView>> ReadAsync(TrajetDbContext db, Guid caseId, bool hideNames, DateOnly today, CancellationToken ct, Guid? only = null) =>
        (await (from c in db.Consents.AsNoTracking()
                where c.CaseId == caseId && (only == null || c.Id == only)
                join m in db.Members on c.MemberId equals m.Id into members
                from m in members.DefaultIfEmpty()
                join p in db.Set<Partner>() on c.PartnerId equals p.Id into partners
                from p in partners.DefaultIfEmpty()
                join o in db.Organisations on c.RecipientOrganisationId equals o.Id into organisations
                from o in organisations.DefaultIfEmpty()
                orderby c.GivenOn descending, c.CreatedAt descending
                select new ConsentView(c.Id, c.MemberId, hideNames || m == null ? null : m.FirstName + " " + m.LastName, c.Purpose, c.PartnerId, p == null ? null : p.Name,
                    c.RecipientOrganisationId, o == null ? null : o.Name, c.GivenOn, c.ExplainedHow, c.Language, c.WithdrawnOn, c.WithdrawalNote, false))
        .ToListAsync(ct))
        .Select(d => d with { Active = ConsentRules.IsActive(d.GivenOn, d.WithdrawnOn, today) })
        .Select(d => hideNames ? d with { Partner = null, ExplainedHow = null, WithdrawalNote = null } : d).ToList();
}
