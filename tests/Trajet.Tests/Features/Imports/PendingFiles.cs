using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Imports;

namespace Trajet.Tests.Features.Imports;

/// <summary>A spreadsheet waiting for its coordinator's review on the import's page (<c>/Imports/Review/{id}</c>).</summary>
public static class PendingFiles
{
    /// <summary>One household of one person, named in the file and in its name.</summary>
    public static Task<Guid> AddAsync(TrajetApp app, Guid userId, Guid programmeId, string firstName, string lastName) =>
        app.WithDbAsync(async (db, _) =>
        {
            var csv = "case_ref,kind,referral_date,referral_source,referred_by,status,role,first_name,last_name,gender,birth_date,nationality,languages\n"
                + $"W-1,family,2026-01-05,community,,referred,parent,{firstName},{lastName},female,,AM,hy\n";
            var pending = new PendingImport { UserId = userId, ProgrammeId = programmeId, FileName = firstName + ".csv", Content = System.Text.Encoding.UTF8.GetBytes(csv) };
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync();
            return pending.Id;
        });
}
