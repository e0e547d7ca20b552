using Trajet.Web.Features.ActionPlans;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Calendar;
using Trajet.Web.Features.CaseFile;
using Trajet.Web.Features.Coaching;
using Trajet.Web.Features.Deadlines;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Imports;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Offline;
using Trajet.Web.Features.Operations;
using Trajet.Web.Features.Outreach;
using Trajet.Web.Features.Partners;
using Trajet.Web.Features.Privacy;
using Trajet.Web.Features.Reminders;
using Trajet.Web.Features.Reports;
using Trajet.Web.Infrastructure.Jobs;

// `backup <file>` and `restore <file>` run instead of the web app (README, "Backups")
if (BackupCommands.IsCommand(args))
{
    return await BackupCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

// Persistence, the keys that protect cookies and tokens, and caches that every instance empties
builder.Services.AddTrajetDatabase(builder.Configuration);
builder.Services.AddTrajetKeyRing(builder.Configuration);
builder.Services.AddTrajetSharedCaches(builder.Configuration);

// Accounts, languages, pages and the JSON API
builder.Services.AddHttpContextAccessor();
builder.Services.AddTrajetAccounts(builder.Configuration);
builder.Services.AddTrajetLocalization();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features").AddTrajetViewLocalization()
    .AddMvcOptions(o =>
    {
        o.Filters.Add<RequireHandler>();
        UserBinding.AddTo(o);
    });
builder.Services.AddTrajetApi();
builder.Services.AddTrajetCases();
builder.Services.AddTrajetCoaching();
builder.Services.AddTrajetReports();
builder.Services.AddTrajetReverseProxy(builder.Configuration);
builder.Services.AddTrajetRateLimits(builder.Configuration);
builder.Services.AddTrajetHsts();
builder.Services.AddTrajetHealth(builder.Configuration);
builder.Services.AddTrajetDocuments(builder.Configuration);
builder.Services.AddTrajetAudit();
builder.Services.AddTrajetSubjectRights();
builder.Services.AddTrajetReminders();
builder.Services.AddTrajetJobs();

// Clock (tests replace it)
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();

// Schema upgrade, fixed roles, and the demo when asked for
await app.PrepareDatabaseAsync();

// `send-reminders` sends the day's reminders now and exits (for cron, operators and tests)
if (args is [SendReminders.Command, ..])
{
    return await SendReminders.RunCommandAsync(app.Services);
}

// Pipeline
app.UseTrajetReverseProxy();
app.UseAppClock();
app.UseTrajetProblems();
app.UseHsts();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseDocumentUploadLimit();
app.UseRequestBodyLimit();
app.UseRequestLocalization();
app.UseEuropeanEnglishFormats();
app.UseRouting();
app.UseSignInAttempts();
app.UseRateLimiter();
app.UseAuthentication();
app.UseSessionValidation();
app.UseAuditActor();
app.UseTwoFactorEnforcement();
app.UseAuthorization();
app.UseEvaluatorWall();
app.UseAuditedReads();
app.UseIdempotencyKeys();

// Endpoints
app.MapRazorPages();
app.MapOpenApi().AllowAnonymous();
app.MapTrajetHealth();
app.MapAuthApi();
app.MapMeApi();
app.MapCalendarApi();
app.MapCasesApi();
app.MapImportsApi();
app.MapInstrumentsApi();
app.MapInteractionsApi();
app.MapLegalEventsApi();
app.MapPlanApi();
app.MapDeadlinesApi();
app.MapPartnersApi();
app.MapTimelineApi();
app.MapDocumentsApi();
app.MapConsentsApi();
app.MapSubjectRightsApi();
app.MapOrganisationExportApi();
app.MapDesksApi();
app.MapAppointmentsApi();
app.MapPathwayApi();
app.MapReportsApi();
app.MapAuditApi();
app.MapOutreachApi();
app.MapOfflineApi();
app.MapApiFallback();

app.Run();
return 0;

public partial class Program;
