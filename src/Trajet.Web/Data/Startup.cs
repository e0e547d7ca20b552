using Trajet.Web.Features.Demo;

namespace Trajet.Web.Data;

public static class Startup
{
    /// <summary>
    /// Upgrades the schema, ensures the key ring, the fixed roles, the first administrator and (if asked) the demo; on
    /// PostgreSQL one instance at a time (<see cref="StartupLock"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        _ = app.Services.GetService<SqliteInstanceLock>(); // held until the app stops: no restore under it
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrajetDbContext>();
        await using var turn = await StartupLock.TakeAsync(db);
        await DatabaseSetup.MigrateAsync(db);
        await KeyRing.PrepareAsync(services, app.Configuration, app.Logger);
        await StartupTasks.RunOnceAsync(db, StartupTasks.NameKeysName, () => SaveMember.RekeyEveryoneAsync(db));
        var confidential = services.GetRequiredService<ConfidentialText>();
        await StartupTasks.RunOnceAsync(db, StartupTasks.EncryptNotesName(db.Model), () => confidential.EncryptLegacyRowsAsync(db));
        await Features.Documents.MoveFilesToDatabase.RunAsync(services, app.Logger);
        await SeedDeadlineRulesAsync(db);

        var roles = services.GetRequiredService<RoleManager<Role>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new Role { Name = role });
            }
        }

        // Without the demo, Admin:Email and Admin:Password create the first administrator.
        if (app.Configuration["Admin:Email"] is { Length: > 0 } email && app.Configuration["Admin:Password"] is { Length: > 0 } password)
        {
            var users = services.GetRequiredService<UserManager<User>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var admin = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
                var created = await users.CreateAsync(admin, password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Admin:Password does not meet the password policy.");
                }
                await users.AddToRoleAsync(admin, Roles.Administrator);
            }
        }

        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            await DemoSeed.SeedAsync(services, app.Logger);
        }
    }

    /// <summary>Organisations that never had deadline rules get the examples (to be confirmed by their legal adviser).</summary>
    public static async Task SeedDeadlineRulesAsync(TrajetDbContext db)
    {
        var bare = await db.Organisations.Where(o => o.Kind != Features.Organisations.OrganisationKind.System && !db.DeadlineRules.Any(r => r.OrganisationId == o.Id))
            .Select(o => o.Id).ToListAsync();
        db.DeadlineRules.AddRange(bare.SelectMany(Features.LegalEvents.LegalDeadlines.Defaults));
        await db.SaveChangesAsync();
    }
}
