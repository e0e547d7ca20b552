using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Trajet.Web.Features.ActionPlans;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Calendar;
using Trajet.Web.Features.Coaching;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Imports;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Interactions;
using Trajet.Web.Features.LegalEvents;
using Trajet.Web.Features.Outreach;
using Trajet.Web.Features.Partners;
using Trajet.Web.Features.Privacy;
using Trajet.Web.Features.Reminders;
using Trajet.Web.Infrastructure.Jobs;

namespace Trajet.Web.Data;

/// <summary>
/// The one model of Trajet. Each database provider has a subclass so that each gets a model of its own
/// (<see cref="ConfidentialModelCacheKeyFactory"/>); see <see cref="DatabaseSetup"/>.
/// </summary>
public abstract class TrajetDbContext(DbContextOptions options, ConfidentialText? confidential = null, AuditContext? audit = null)
    : IdentityDbContext<User, Role, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<UserProgramme> UserProgrammes => Set<UserProgramme>();
    public DbSet<RegisteredDevice> RegisteredDevices => Set<RegisteredDevice>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<CaseStatusChange> CaseStatusChanges => Set<CaseStatusChange>();
    public DbSet<CaseSupportPeriod> CaseSupportPeriods => Set<CaseSupportPeriod>();
    public DbSet<OutreachContact> OutreachContacts => Set<OutreachContact>();
    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();
    public DbSet<HouseholdContact> HouseholdContacts => Set<HouseholdContact>();
    public DbSet<AdmissionCriterion> AdmissionCriteria => Set<AdmissionCriterion>();
    public DbSet<ScreeningAnswer> ScreeningAnswers => Set<ScreeningAnswer>();
    public DbSet<PersonNameKey> PersonNameKeys => Set<PersonNameKey>();
    public DbSet<SummarySheet> SummarySheets => Set<SummarySheet>();
    public DbSet<BaselineSheet> BaselineSheets => Set<BaselineSheet>();
    public DbSet<CaseStudy> CaseStudies => Set<CaseStudy>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<LegalEvent> LegalEvents => Set<LegalEvent>();
    public DbSet<DeadlineRule> DeadlineRules => Set<DeadlineRule>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<PlanReview> PlanReviews => Set<PlanReview>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerReferral> PartnerReferrals => Set<PartnerReferral>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    public DbSet<OutreachPlace> OutreachPlaces => Set<OutreachPlace>();
    public DbSet<OutreachSession> OutreachSessions => Set<OutreachSession>();
    public DbSet<OutreachPerson> OutreachPeople => Set<OutreachPerson>();
    public DbSet<OutreachOutcome> OutreachOutcomes => Set<OutreachOutcome>();
    public DbSet<InboundReferral> InboundReferrals => Set<InboundReferral>();
    public DbSet<CrossBorderShare> CrossBorderShares => Set<CrossBorderShare>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<PersonKey> PersonKeys => Set<PersonKey>();
    public DbSet<StartupTask> StartupTasks => Set<StartupTask>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Desk> Desks => Set<Desk>();
    public DbSet<DeskOpening> DeskOpenings => Set<DeskOpening>();
    public DbSet<WalkIn> WalkIns => Set<WalkIn>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PathwayDecision> PathwayDecisions => Set<PathwayDecision>();
    public DbSet<CoachingFile> CoachingFiles => Set<CoachingFile>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<ReminderPreference> ReminderPreferences => Set<ReminderPreference>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each entity's configuration stands beside it in its slice (an IEntityTypeConfiguration).
        builder.ApplyConfigurationsFromAssembly(typeof(TrajetDbContext).Assembly);
        ConfidentialText.Encrypt(builder, confidential);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(SaveRules.InOrder)
            .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, Migrations.History>();

    /// <summary>The keys that encrypt notes, when the context was given them.</summary>
    public ConfidentialText? Confidential => confidential;

    /// <summary>Who is acting, for the audit entries of this context's saves; null outside the app (the system acts).</summary>
    public AuditContext? Audit => audit;

    private readonly List<AuditDraft> queuedAudit = [];

    /// <summary>Queues an entry that is not a change (a read, a sign-in) for the next SaveChanges.</summary>
    public void QueueAudit(AuditDraft draft) => queuedAudit.Add(draft);

    public List<AuditDraft> TakeQueuedAudit()
    {
        var drafts = queuedAudit.ToList();
        queuedAudit.Clear();
        return drafts;
    }

    // Only the asynchronous path takes the audit chain's lock: a synchronous save would skip the audit.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Trajet saves with SaveChangesAsync.");
}

public sealed class SqliteTrajetDbContext(DbContextOptions<SqliteTrajetDbContext> options, ConfidentialText? confidential = null, AuditContext? audit = null)
    : TrajetDbContext(options, confidential, audit);

public sealed class PostgresTrajetDbContext(DbContextOptions<PostgresTrajetDbContext> options, ConfidentialText? confidential = null, AuditContext? audit = null)
    : TrajetDbContext(options, confidential, audit);
