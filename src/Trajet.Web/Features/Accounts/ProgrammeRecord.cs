namespace Trajet.Web.Features.Accounts;

/// <summary>A record owned by one programme of one organisation: cases, outreach contacts…</summary>
public interface IProgrammeRecord
{
    Guid OrganisationId { get; }
    Guid ProgrammeId { get; }
}

/// <summary>
/// The organisation wall. Every query of programme records starts here: a record of another
/// organisation, or of a programme the user does not work in, does not exist for them (404).
/// </summary>
public static class Wall
{
    public static IQueryable<T> Visible<T>(this IQueryable<T> records, UserContext user) where T : class, IProgrammeRecord
    {
        if (user.OrganisationId is not { } organisationId)
        {
            return records.Where(_ => false); // system administrators manage accounts, not people
        }
        var mine = records.Where(r => r.OrganisationId == organisationId);
        if (user.IsCoordinator)
        {
            return mine;
        }
        var programmeIds = user.Programmes.Select(p => p.Id).ToList();
        return mine.Where(r => programmeIds.Contains(r.ProgrammeId));
    }
}
